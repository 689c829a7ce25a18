package city.hotline.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events are changes a webhook tells, and what of them a partner may read. */
class PublicChangeTest {
  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
  private static final String TICKET = "WH20261201000001";

  @Test
  void eachStatusChangeIsOneChangeAndANoteThatChangesNoStatusIsNone() {
    assertThat(PublicChange.of(Tickets.registered(TICKET, "WUCHANG", AT)))
        .singleElement().satisfies(c -> {
          assertThat(c.status()).isEqualTo(ComplaintStatus.REGISTERED);
          assertThat(c.district()).isEqualTo("WUCHANG");
          assertThat(c.category()).isEqualTo("SANITATION");
        });
    assertThat(PublicChange.of(Tickets.dispatched(TICKET, "WUCHANG", AT))).singleElement()
        .satisfies(c -> assertThat(c.note()).isEqualTo("派单至 区城管局"));
    assertThat(PublicChange.of(Tickets.closed(TICKET, "WUCHANG", AT))).extracting(PublicChange::status)
        .containsExactly(ComplaintStatus.CLOSED);
    assertThat(PublicChange.of(Tickets.extensionRequested(TICKET, "WUCHANG", AT))).isEmpty();
  }

  @Test
  void aConsultationAnsweredAtTheCallIsRegisteredThenClosedEachWithAnIdOfItsOwnInThatOrder() {
    var event = Tickets.answeredAtTheCall(TICKET, "WUCHANG", AT);

    List<PublicChange> changes = PublicChange.of(event);

    assertThat(changes).extracting(PublicChange::status)
        .containsExactly(ComplaintStatus.REGISTERED, ComplaintStatus.CLOSED);
    assertThat(changes.get(0).changeId()).isEqualTo(event.eventId().toString());
    assertThat(changes.get(1).changeId()).isGreaterThan(changes.get(0).changeId()); // the chain's order
    assertThat(changes.get(1).note()).isEqualTo("直接办结: 请到政务中心办理");
  }

  @Test
  void openUntilClosedOrMerged() {
    assertThat(List.of(ComplaintStatus.values())).allSatisfy(s -> assertThat(PublicChange.open311Status(s))
        .isEqualTo(s == ComplaintStatus.CLOSED || s == ComplaintStatus.MERGED ? "closed" : "open"));
  }

  @Test
  void aNoteNeverCarriesTheCallersNameOrPhoneAndAConfidentialCallersTicketHasNone() {
    PublicChange resolved = PublicChange.of(Tickets.resolved(TICKET, "WUCHANG", AT,
        "已联系" + Tickets.CALLER + "(" + Tickets.PHONE + "), 垃圾已清运")).get(0);
    WorkOrder open = Tickets.order(TICKET, "WUCHANG", "operator", false);
    WorkOrder confidential = Tickets.order(TICKET, "WUCHANG", "operator", true);

    assertThat(resolved.publicNote(open)).isEqualTo("已联系***(***), 垃圾已清运");
    assertThat(resolved.publicNote(confidential)).isNull();
  }
}
