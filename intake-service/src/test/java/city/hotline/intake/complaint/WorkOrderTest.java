package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.intake.duplicate.DuplicateProbe;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The work order's rules, as plain Java: registration, the timeline, merges and extra callers. */
class WorkOrderTest {
  private static final String EARLIER = "WH20261123000010";
  private static final String LATER = "WH20261123000011";
  private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");

  static RegistrationRequest call(Boolean closeDirectly, String answer, String duplicateOf) {
    return new RegistrationRequest("王芳", "13812341234", false, null, closeDirectly == null ? null : "CONSULTATION",
        "SANITATION", "NORMAL", "WUCHANG", "中北路88号", "垃圾堆积", null, new RegistrationRequest.Location(114.3, 30.5),
        null, closeDirectly, answer, duplicateOf);
  }

  static WorkOrder.Handling unit(String unitId) {
    return new WorkOrder.Handling(unitId, null);
  }

  static WorkOrder registered(String ticketId) {
    return WorkOrder.register(ticketId, call(null, null, null), "call:1", AT, "operator", List.of(),
        new WorkOrder.PlaceKeys("中北路88号", "1:2"), new Document("eventId", "registered-" + ticketId));
  }

  static WorkOrder withStatus(String ticketId, ComplaintStatus status) {
    WorkOrder order = registered(ticketId);
    return order.record("e-" + status, new TimelineEntry(AT.plusSeconds(60), status, "system", ""),
            unit("WUCHANG_CGJ"), AT)
        .map(change -> applied(order, change)).orElse(order);
  }

  /** What the repository's guarded update makes of the work order. */
  static WorkOrder applied(WorkOrder o, WorkOrder.StepChange change) {
    List<WorkOrder.Step> timeline = new java.util.ArrayList<>(o.timeline());
    if (change.step() != null) {
      timeline.add(change.step());
    }
    WorkOrder.StatusMove move = change.move();
    ComplaintStatus status = move == null ? o.status() : move.status();
    Instant statusAt = move == null ? o.statusAt() : move.at();
    String unit = move == null ? o.unitId() : move.clearsUnit() ? null : move.unitId() == null ? o.unitId() : move.unitId();
    return new WorkOrder(o.ticketId(), o.registration(), o.callerName(), o.callerPhone(), o.confidential(), o.channel(),
        o.type(), o.category(), o.urgency(), o.district(), o.address(), o.addressKey(), o.description(), o.street(),
        o.location(), o.cell(), o.attachments(), o.answer(), o.mergedInto(), o.likelyDuplicates(), o.registeredAt(),
        status, statusAt, unit, timeline, o.duplicateCalls(), o.outbox(), o.knowledgeArticleId(), o.suggestion(),
        o.suggestedAt(), move == null || move.handled() == null ? o.handledCategory() : move.handled().category(),
        move == null || move.handled() == null ? o.handledUnit() : move.handled().unitId(),
        move == null || move.learnableAt() == null ? o.learnableAt() : move.learnableAt());
  }

  @Test
  void aCallIsRegisteredWithItsEventAndAConsultationAnsweredOnThePhoneIsClosedAtOnce() {
    WorkOrder order = registered(EARLIER);
    assertThat(order.status()).isEqualTo(ComplaintStatus.REGISTERED);
    assertThat(order.channel()).isEqualTo(Channel.PHONE);
    assertThat(order.outbox()).hasSize(1);
    assertThat(order.view().timeline()).extracting(TimelineEntry::note).containsExactly("受理");

    WorkOrder answered = WorkOrder.register(LATER, call(true, "周一至周五办理", null), "call:2", AT, "operator",
        List.of(), new WorkOrder.PlaceKeys(null, null), new Document("eventId", "e"));
    assertThat(answered.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(answered.timeline()).extracting(WorkOrder.Step::eventId).containsExactly("e", "e#closed");

    WorkOrder repeat = WorkOrder.register(LATER, call(null, null, EARLIER), "call:3", AT, "operator", List.of(),
        new WorkOrder.PlaceKeys(null, null), new Document("eventId", "e"));
    assertThat(repeat.status()).isEqualTo(ComplaintStatus.MERGED);
    assertThat(repeat.mergedInto()).isEqualTo(EARLIER);
  }

  @Test
  void aStepIsRecordedOnceAndTheStatusMovesOnlyForwardInTime() {
    WorkOrder claimed = withStatus(EARLIER, ComplaintStatus.CLAIMED);
    assertThat(claimed.unitId()).isEqualTo("WUCHANG_CGJ");
    assertThat(claimed.record("e-CLAIMED", new TimelineEntry(AT.plusSeconds(60), ComplaintStatus.CLAIMED, "system", ""),
        unit("WUCHANG_CGJ"), AT)).as("redelivered").isEmpty();

    WorkOrder.StepChange late = claimed.record("late", new TimelineEntry(AT.plusSeconds(30), ComplaintStatus.DISPATCHED,
        "system", ""), unit("HONGSHAN_CGJ"), AT).orElseThrow();
    assertThat(late.step()).isNotNull();
    assertThat(late.move()).as("an older event leaves the newer status and its unit").isNull();

    WorkOrder.StatusMove resolved = claimed.record("later", new TimelineEntry(AT.plusSeconds(90),
        ComplaintStatus.RESOLVED, "bureau", "已清运"), unit("WUCHANG_CGJ"), AT).orElseThrow().move();
    assertThat(resolved.status()).isEqualTo(ComplaintStatus.RESOLVED);
    assertThat(resolved.expectedStatusAt()).as("decided on the status as read").isEqualTo(AT.plusSeconds(60));
  }

  @Test
  void aNoteAddsAStepAndLeavesTheStatus() {
    WorkOrder.StepChange note = registered(EARLIER).record("n1", new TimelineEntry(AT.plusSeconds(5), null, "派单员",
        "督办"), unit("WUCHANG_CGJ"), AT).orElseThrow();
    assertThat(note.step().note()).isEqualTo("督办");
    assertThat(note.move()).isNull();
  }

  @Test
  void aReturnTakesTheWorkOrderAwayFromItsUnit() {
    WorkOrder claimed = withStatus(EARLIER, ComplaintStatus.CLAIMED);
    WorkOrder returned = applied(claimed, claimed.record("r", new TimelineEntry(AT.plusSeconds(120),
        ComplaintStatus.RETURNED, "bureau", "退单"), unit("WUCHANG_CGJ"), AT).orElseThrow());
    assertThat(returned.status()).isEqualTo(ComplaintStatus.RETURNED);
    assertThat(returned.unitId()).isNull();
  }

  @Test
  void aLaterCallNobodyHasClaimedMergesIntoAnOpenTicket() {
    for (ComplaintStatus open : List.of(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED, ComplaintStatus.CLAIMED,
        ComplaintStatus.RESOLVED)) {
      assertThat(withStatus(LATER, ComplaintStatus.DISPATCHED).mergeRefusal(withStatus(EARLIER, open))).as(open.name())
          .isEmpty();
    }
    assertThat(withStatus(EARLIER, ComplaintStatus.CLAIMED).refusesCalls()).as("a call being registered").isEmpty();
    WorkOrder.Merge merge = registered(LATER).mergeInto(registered(EARLIER), "operator", AT.plusSeconds(5));
    assertThat(merge.from()).containsExactlyInAnyOrder(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED,
        ComplaintStatus.AWAITING_MANUAL_DISPATCH, ComplaintStatus.RETURNED);
    assertThat(merge.event().originalTicketId()).isEqualTo(EARLIER);
    assertThat(merge.entry().status()).isEqualTo(ComplaintStatus.MERGED);
  }

  @Test
  void nothingMergesIntoAClosedOrMergedTicket() {
    assertThat(registered(LATER).mergeRefusal(withStatus(EARLIER, ComplaintStatus.CLOSED)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("CLOSED", "open work order"));
    assertThat(withStatus(EARLIER, ComplaintStatus.MERGED).refusesCalls()).isPresent();
  }

  @Test
  void aClaimedOrFinishedCallIsNotMergedAway() {
    for (ComplaintStatus taken : List.of(ComplaintStatus.CLAIMED, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED,
        ComplaintStatus.MERGED)) {
      assertThat(withStatus(LATER, taken).mergeRefusal(withStatus(EARLIER, ComplaintStatus.DISPATCHED))).as(taken.name())
          .isPresent();
    }
    assertThatThrownBy(() -> withStatus(LATER, ComplaintStatus.CLAIMED).mergeInto(registered(EARLIER), "o", AT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyAnEarlierTicketCanBeTheOriginalSoTwoTicketsNeverMergeIntoEachOther() {
    assertThat(registered(EARLIER).mergeRefusal(registered(LATER)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("earlier"));
    assertThat(registered(EARLIER).mergeRefusal(registered(EARLIER))).as("itself").isPresent();
  }

  @Test
  void anExtraCallerIsLinkedOnceAndATicketWithExtraCallersIsNotMergedAway() {
    WorkOrder later = registered(LATER);
    WorkOrder.Link link = later.link(registered("WH20261123000012").asExtraCaller(), AT).orElseThrow();
    assertThat(link.note().note()).isEqualTo("重复来电 WH20261123000012 并入本工单");
    assertThat(link.note().status()).as("a note, not a status").isNull();
    WorkOrder o = later;
    WorkOrder withCallers = new WorkOrder(o.ticketId(), o.registration(), o.callerName(), o.callerPhone(),
        o.confidential(), o.channel(), o.type(), o.category(), o.urgency(), o.district(), o.address(), o.addressKey(),
        o.description(), o.street(), o.location(), o.cell(), o.attachments(), o.answer(), o.mergedInto(),
        o.likelyDuplicates(), o.registeredAt(), o.status(), o.statusAt(), o.unitId(), o.timeline(),
        List.of(link.call()), o.outbox(), null, null, null, null, null, null);

    assertThat(withCallers.link(link.call(), AT)).as("linked already").isEmpty();
    assertThat(withCallers.mergeRefusal(registered(EARLIER)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("has calls merged into it"));
  }

  @Test
  void aResolveOrCloseKeepsWhatTheWorkOrderWasHandledAsAndOnlyAUnitsCloseMakesItLearnable() {
    WorkOrder claimed = withStatus(EARLIER, ComplaintStatus.CLAIMED);
    Instant written = AT.plusSeconds(3600);
    WorkOrder.StatusMove resolved = claimed.record("r", new TimelineEntry(AT.plusSeconds(90), ComplaintStatus.RESOLVED,
        "bureau", "已清运"), new WorkOrder.Handling("WUCHANG_CGJ", "GREENERY"), written).orElseThrow().move();
    assertThat(resolved.handled()).isEqualTo(new WorkOrder.Handling("WUCHANG_CGJ", "GREENERY"));
    assertThat(resolved.learnableAt()).as("resolved is not closed yet").isNull();

    WorkOrder closed = applied(claimed, claimed.record("c", new TimelineEntry(AT.plusSeconds(120),
        ComplaintStatus.CLOSED, "visitor", "结案"), new WorkOrder.Handling(null, null), written).orElseThrow());
    assertThat(closed.learnableAt()).as("intake's clock, not the event's time").isEqualTo(written);
    assertThat(closed.handledUnit()).as("the unit as it stood").isEqualTo("WUCHANG_CGJ");
    assertThat(closed.handledCategory()).as("the registered category").isEqualTo("SANITATION");

    WorkOrder answered = WorkOrder.register(LATER, call(true, "周一至周五办理", null), "call:2", AT, "operator",
        List.of(), new WorkOrder.PlaceKeys(null, null), new Document("eventId", "e"));
    assertThat(answered.learnableAt()).as("closed at the call: nothing a unit handled").isNull();
    assertThat(withStatus(LATER, ComplaintStatus.MERGED).learnableAt()).isNull();
  }

  @Test
  void aCitedArticleAndTheSuggestionShownAreKeptWithWhetherTheOperatorTookIt() {
    RegistrationRequest c = call(true, "见知识库 KB000001: 燃气报修", null);
    RegistrationRequest citing = new RegistrationRequest(c.callerName(), c.callerPhone(), false, null, c.type(),
        "SANITATION", "NORMAL", "WUCHANG", c.address(), c.description(), null, null, null, true, c.answer(), null,
        "KB000001", new RegistrationRequest.Shown("SANITATION", "HONGSHAN"));
    WorkOrder order = WorkOrder.register(LATER, citing, "call:2", AT, "operator", List.of(),
        new WorkOrder.PlaceKeys(null, null), new Document("eventId", "e"));
    assertThat(order.view().knowledgeArticleId()).isEqualTo("KB000001");
    assertThat(order.suggestion()).isEqualTo(new WorkOrder.Suggestion("SANITATION", "HONGSHAN", true, false));
    assertThat(order.suggestedAt()).isEqualTo(AT);

    RegistrationRequest partly = new RegistrationRequest(c.callerName(), c.callerPhone(), false, null, null,
        "SANITATION", "NORMAL", "WUCHANG", c.address(), c.description(), null, null, null, null, null, null, null,
        new RegistrationRequest.Shown(null, "WUCHANG"));
    assertThat(WorkOrder.register(LATER, partly, "call:3", AT, "operator", List.of(),
        new WorkOrder.PlaceKeys(null, null), new Document("eventId", "e")).suggestion())
        .as("nothing shown for the category: nothing to take").isEqualTo(new WorkOrder.Suggestion(null, "WUCHANG", null, true));
    assertThat(registered(EARLIER).suggestedAt()).isNull();
  }

  /** The work order, its view, the call and its extra callers in a log line never carry a caller's name or phone. */
  @Test
  void nothingThatHoldsACallersNameOrPhonePrintsThem() {
    WorkOrder order = registered(EARLIER);
    ComplaintView.DuplicateCall extra = registered(LATER).asExtraCaller();
    WorkOrder.Link link = order.link(extra, AT.plusSeconds(60)).orElseThrow();
    DuplicateProbe probe = DuplicateProbe.of(call(null, null, null));
    for (Object printed : List.of(order, order.view(), call(null, null, null), extra, link, probe)) {
      assertThat(printed.toString()).doesNotContain("王芳", "13812341234");
    }
    assertThat(order.toString()).contains(EARLIER);
    assertThat(link.toString()).contains(LATER, EARLIER);
  }
}
