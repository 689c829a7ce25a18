package city.hotline.intake.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.Urgency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeRuleTest {
  private static final String EARLIER = "WH20261123000010";
  private static final String LATER = "WH20261123000011";

  @Test
  void aLaterCallNobodyHasClaimedMergesIntoAnOpenTicket() {
    for (ComplaintStatus open : List.of(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED, ComplaintStatus.CLAIMED,
        ComplaintStatus.RESOLVED)) {
      assertThat(MergeRule.refusal(LATER, ComplaintStatus.DISPATCHED, original(open))).as(open.name()).isEmpty();
    }
    assertThat(MergeRule.refusal(null, ComplaintStatus.REGISTERED, original(ComplaintStatus.CLAIMED))).isEmpty();
  }

  @Test
  void nothingMergesIntoAClosedOrMergedTicket() {
    assertThat(MergeRule.refusal(LATER, ComplaintStatus.REGISTERED, original(ComplaintStatus.CLOSED)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("CLOSED", "open work order"));
    assertThat(MergeRule.refusal(LATER, ComplaintStatus.REGISTERED, original(ComplaintStatus.MERGED))).isPresent();
  }

  @Test
  void aClaimedOrFinishedCallIsNotMergedAway() {
    for (ComplaintStatus taken : List.of(ComplaintStatus.CLAIMED, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED,
        ComplaintStatus.MERGED)) {
      assertThat(MergeRule.refusal(LATER, taken, original(ComplaintStatus.DISPATCHED))).as(taken.name()).isPresent();
    }
  }

  @Test
  void onlyAnEarlierTicketCanBeTheOriginalSoTwoTicketsNeverMergeIntoEachOther() {
    ComplaintView later = new ComplaintView(LATER, ComplaintStatus.DISPATCHED, null, null, false, Channel.PHONE,
        ComplaintType.COMPLAINT, "SANITATION", Urgency.NORMAL, "WUCHANG", "a", "d", null, null, null, List.of(),
        Instant.EPOCH, List.of(), null, List.of(), List.of());
    assertThat(MergeRule.refusal(EARLIER, ComplaintStatus.DISPATCHED, later))
        .hasValueSatisfying(reason -> assertThat(reason).contains("earlier"));
    assertThat(MergeRule.refusal(EARLIER, ComplaintStatus.DISPATCHED, original(ComplaintStatus.DISPATCHED)))
        .as("itself").isPresent();
  }

  private static ComplaintView original(ComplaintStatus status) {
    return new ComplaintView(EARLIER, status, null, null, false, Channel.PHONE, ComplaintType.COMPLAINT, "SANITATION",
        Urgency.NORMAL, "WUCHANG", "a", "d", null, null, null, List.of(), Instant.EPOCH, List.of(), null, List.of(),
        List.of());
  }
}
