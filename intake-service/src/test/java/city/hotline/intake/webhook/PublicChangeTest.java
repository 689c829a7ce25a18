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

    assertThat(resolved.publicNote(open)).isEqualTo("办理结果：已联系***(***), 垃圾已清运");
    assertThat(resolved.publicNote(confidential)).isNull();
  }

  @Test
  void aNoteFollowsTheRuleOfEveryPublicChannelNoPhoneHowEverWrittenNoStaffWordsNoVerdict() {
    WorkOrder open = Tickets.order(TICKET, "WUCHANG", "operator", false);
    PublicChange reply = PublicChange.of(Tickets.resolved(TICKET, "WUCHANG", AT,
        "已联系王女士 138-1234-1234, 邻居电话 13900001111")).get(0);
    PublicChange returned = new PublicChange("e1", TICKET, AT, ComplaintStatus.RETURNED, "退单 (不属本单位): 请转水务局",
        null, null);
    PublicChange closed = PublicChange.of(Tickets.closed(TICKET, "WUCHANG", AT)).get(0);

    assertThat(reply.publicNote(open)).isEqualTo("办理结果：已联系*** ***, 邻居电话 ***");
    assertThat(returned.publicNote(open)).isEqualTo("原承办单位退回，正在重新派单");
    assertThat(closed.publicNote(open)).isEqualTo("工单已结案").doesNotContain("SATISFIED");
    assertThat(PublicChange.of(Tickets.answeredAtTheCall(TICKET, "WUCHANG", AT)).get(1).publicNote(open))
        .as("the answer given at the call").contains("请到政务中心办理");
  }
}
