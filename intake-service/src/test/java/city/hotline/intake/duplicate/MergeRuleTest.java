package city.hotline.intake.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.ComplaintView.DuplicateCall;
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
      assertThat(MergeRule.refusal(ticket(LATER, ComplaintStatus.DISPATCHED), ticket(EARLIER, open))).as(open.name())
          .isEmpty();
    }
    assertThat(MergeRule.refusal(null, ticket(EARLIER, ComplaintStatus.CLAIMED))).as("a call being registered").isEmpty();
  }

  @Test
  void nothingMergesIntoAClosedOrMergedTicket() {
    assertThat(MergeRule.refusal(ticket(LATER, ComplaintStatus.REGISTERED), ticket(EARLIER, ComplaintStatus.CLOSED)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("CLOSED", "open work order"));
    assertThat(MergeRule.refusal(null, ticket(EARLIER, ComplaintStatus.MERGED))).isPresent();
  }

  @Test
  void aClaimedOrFinishedCallIsNotMergedAway() {
    for (ComplaintStatus taken : List.of(ComplaintStatus.CLAIMED, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED,
        ComplaintStatus.MERGED)) {
      assertThat(MergeRule.refusal(ticket(LATER, taken), ticket(EARLIER, ComplaintStatus.DISPATCHED))).as(taken.name())
          .isPresent();
    }
  }

  @Test
  void onlyAnEarlierTicketCanBeTheOriginalSoTwoTicketsNeverMergeIntoEachOther() {
    assertThat(MergeRule.refusal(ticket(EARLIER, ComplaintStatus.DISPATCHED), ticket(LATER, ComplaintStatus.DISPATCHED)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("earlier"));
    assertThat(MergeRule.refusal(ticket(EARLIER, ComplaintStatus.DISPATCHED), ticket(EARLIER, ComplaintStatus.DISPATCHED)))
        .as("itself").isPresent();
  }

  @Test
  void aTicketWithItsOwnExtraCallersIsNotMergedAwaySoNoCallerIsStranded() {
    ComplaintView withCallers = new ComplaintView(LATER, ComplaintStatus.DISPATCHED, null, null, false, Channel.PHONE,
        ComplaintType.COMPLAINT, "SANITATION", Urgency.NORMAL, "WUCHANG", "a", "d", null, null, null, List.of(),
        Instant.EPOCH, List.of(), null, List.of(),
        List.of(new DuplicateCall("WH20261123000012", Instant.EPOCH, "n", "13800000000", false)));
    assertThat(MergeRule.refusal(withCallers, ticket(EARLIER, ComplaintStatus.DISPATCHED)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("has calls merged into it"));
  }

  private static ComplaintView ticket(String ticketId, ComplaintStatus status) {
    return new ComplaintView(ticketId, status, null, null, false, Channel.PHONE, ComplaintType.COMPLAINT, "SANITATION",
        Urgency.NORMAL, "WUCHANG", "a", "d", null, null, null, List.of(), Instant.EPOCH, List.of(), null, List.of(),
        List.of());
  }
}
