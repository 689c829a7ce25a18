package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseExtensionDecided;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CasePressed;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.overdue.DeadlineKind;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.dispatch.surge.SurgeAlert;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case's state machine in plain Java, without Spring: what each step is allowed from, what it guards,
 * writes and publishes; a case is followed through several steps by playing each change on the store.
 */
class CaseTest {
  private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();
  private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
  private static final Deadlines DEADLINES = new Deadlines(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(5)));
  private static final Unit JIANGAN = new Unit("JIANGAN_CGJ", "江岸区城管局");
  private static final Unit WUCHANG = new Unit("WUCHANG_CGJ", "武昌区城管局");
  /** A surge alert the desk has heard of, open, behind the cases of these tests. */
  private static final SurgeAlert SURGE = new SurgeAlert("SRG-GAS_SAFETY-HANNAN-20261207T0100-0a1b2c3d",
      List.of("WH20261207000001", "WH20261207000002"), true);

  static Case dispatched() {
    ComplaintRegistered call = new ComplaintRegistered(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", null), "李四",
        "13912345678", false, "PHONE", "COMPLAINT", "解放大道1号", "垃圾未清运", "operator", false, null, null, null, null,
        null);
    return Case.dispatched("WH20261207000001", call, T0.minusSeconds(5), T0, JIANGAN, "JIANGAN|*", 3, DEADLINES).kase();
  }

  private static CaseApplier store;

  @BeforeAll
  static void openStore() {
    store = new CaseApplier();
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  /** The case as the store holds it after the change: the change's writes played on this picture of it. */
  private static Case after(Case kase, CaseChange change) {
    return store.apply(kase, change);
  }

  private static BsonDocument guards(CaseChange change) {
    return Filters.and(change.guards()).toBsonDocument(BsonDocument.class, CODECS);
  }

  private static BsonDocument writes(CaseChange change) {
    return Updates.combine(change.updates()).toBsonDocument(BsonDocument.class, CODECS);
  }

  @Test
  void aRoutedCaseWaitsForItsClaimWithItsClaimDeadlineDueAndAnnouncesItsRule() {
    Case.Opened opened = Case.dispatched("WH20261207000001", new ComplaintRegistered(
        new CaseFacts("JIANGAN", "SANITATION", "NORMAL", null), "李四", "13912345678", false, "PHONE", "COMPLAINT",
        "解放大道1号", "垃圾未清运", "operator", false, null, null, null, null, null), T0, T0, JIANGAN, "JIANGAN|*", 3,
        DEADLINES);
    Case kase = opened.kase();
    assertThat(kase.state()).isEqualTo(CaseState.DISPATCHED);
    assertThat(kase.deadline()).isEqualTo(DEADLINES.claimBy());
    assertThat(kase.dueAt()).isEqualTo(DEADLINES.claimBy());
    assertThat(kase.audit()).singleElement().satisfies(a -> assertThat(a.note()).contains("JIANGAN|* v3"));
    assertThat(opened.event().type()).isEqualTo(EventType.CASE_DISPATCHED);
    assertThat(((CaseDispatched) opened.event().payload()).ruleId()).isEqualTo("JIANGAN|*@v3");
  }

  @Test
  void aCaseWithoutAUnitWaitsAtTheDeskWithNoClockRunning() {
    Case kase = Case.awaitingManualDispatch("WH20261207000002", new ComplaintRegistered(
        new CaseFacts("JIANGAN", "SANITATION", "NORMAL", null), "李四", "13912345678", false, "PHONE", "COMPLAINT",
        "解放大道1号", "垃圾未清运", "operator", false, null, null, null, null, null), T0, T0, "no rule").kase();
    assertThat(kase.state()).isEqualTo(CaseState.AWAITING_MANUAL_DISPATCH);
    assertThat(kase.deadline()).isNull();
    assertThat(kase.dueAt()).isNull();
    assertThatThrownBy(() -> kase.claim("bureau", T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("AWAITING_MANUAL_DISPATCH");
  }

  @Test
  void aClaimIsGuardedOnTheStateSeenAndMovesTheClockToTheResolveDeadline() {
    Case kase = dispatched();
    CaseChange claim = kase.claim("bureau-1", T0.plusSeconds(60));
    assertThat(guards(claim).toJson()).contains("\"state\": \"DISPATCHED\"");
    assertThat(writes(claim).getDocument("$set").getString("state").getValue()).isEqualTo("CLAIMED");
    assertThat(claim.audit().note()).isEqualTo("签收");
    assertThat(claim.event().type()).isEqualTo(EventType.CASE_CLAIMED);
    assertThat(((CaseClaimed) claim.event().payload()).onTime()).isTrue();
    Case claimed = after(kase, claim);
    assertThat(claimed.deadline()).isEqualTo(DEADLINES.resolveBy());
    assertThat(claimed.dueAt()).isEqualTo(DEADLINES.resolveBy());
    assertThat(claimed.rev()).isEqualTo(kase.rev() + 1);

    CaseChange late = kase.claim("bureau-1", DEADLINES.claimBy().plusSeconds(1));
    assertThat(late.audit().note()).isEqualTo("签收 (超期)");
    assertThat(((CaseClaimed) late.event().payload()).onTime()).isFalse();
    assertThatThrownBy(() -> claimed.claim("bureau-2", T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("is CLAIMED");
  }

  @Test
  void aReturnSendsTheCaseToTheDeskCountsItForTheUnitAndWithdrawsAPendingExtension() {
    Case claimed = after(dispatched(), dispatched().claim("bureau-1", T0));
    Case pending = after(claimed, claimed.requestExtension("bureau-1", "需协调", DEADLINES.resolveBy().plusSeconds(3600),
        T0, Duration.ofDays(30), ZoneId.of("Asia/Shanghai")));
    CaseChange back = pending.returnToDesk("bureau-1", ReturnReason.NOT_OUR_DISTRICT, "属武昌区", T0.plusSeconds(5));
    assertThat(guards(back).toJson()).contains("\"extension.status\": \"PENDING\"");
    assertThat(back.audit().note()).isEqualTo("退单 (非本辖区): 属武昌区");
    assertThat(((CaseReturned) back.event().payload()).returnCount()).isEqualTo(1);
    assertThat(((CaseReturned) back.event().payload()).facts().unitId()).isEqualTo("JIANGAN_CGJ");
    Case returned = after(pending, back);
    assertThat(returned.state()).isEqualTo(CaseState.RETURNED);
    assertThat(returned.unitId()).isNull();
    assertThat(returned.deadline()).isNull();
    assertThat(returned.dueAt()).isNull();
    assertThat(returned.returnsBy("JIANGAN_CGJ")).isEqualTo(1);
    assertThat(returned.extensionStatus()).isEqualTo(ExtensionStatus.WITHDRAWN);
  }

  @Test
  void theDeskNeedsAnExplicitChoiceToSendACaseBackToAUnitThatReturnedItTwice() {
    Case once = after(dispatched(), dispatched().returnToDesk("bureau-1", ReturnReason.OTHER, "不归我们", T0));
    assertThat(once.returnsBy("JIANGAN_CGJ")).isEqualTo(1);
    Case kase = after(once, once.dispatchByHand(JIANGAN, "desk", null, false, 2, DEADLINES, T0));
    Case twice = after(kase, kase.returnToDesk("bureau-1", ReturnReason.OTHER, "还是不归我们", T0));
    assertThat(twice.returnsBy("JIANGAN_CGJ")).isEqualTo(2);
    assertThatThrownBy(() -> twice.dispatchByHand(JIANGAN, "desk", null, false, 2, DEADLINES, T0))
        .isInstanceOf(ApiException.class).hasMessageContaining("2 times");
    CaseChange confirmed = twice.dispatchByHand(JIANGAN, "desk", "经核实", true, 2, DEADLINES, T0);
    assertThat(confirmed.audit().note()).isEqualTo("人工派单至 江岸区城管局: 经核实");
    assertThat(((CaseDispatched) confirmed.event().payload()).cause()).isEqualTo(CaseDispatched.MANUAL);
    Case again = after(twice, confirmed);
    assertThat(again.ruleKey()).isEqualTo(Case.MANUAL_RULE);
    assertThat(again.dueAt()).isEqualTo(DEADLINES.claimBy());
    assertThatThrownBy(() -> again.dispatchByHand(JIANGAN, "desk", null, true, 2, DEADLINES, T0))
        .isInstanceOf(ApiException.class).hasMessageContaining("already with");
  }

  @Test
  void anExtensionIsAskedOnceAndOnlyItsApprovalMovesTheResolveDeadlineAndTheClock() {
    Case claimed = after(dispatched(), dispatched().claim("bureau-1", T0));
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    assertThatThrownBy(() -> claimed.requestExtension("b", "x", DEADLINES.resolveBy(), T0, Duration.ofDays(30), zone))
        .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status().value()).isEqualTo(400);
    assertThatThrownBy(() -> claimed.requestExtension("b", "x", T0.plus(Duration.ofDays(31)), T0, Duration.ofDays(30),
        zone)).isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status().value()).isEqualTo(400);
    Instant later = DEADLINES.resolveBy().plus(Duration.ofDays(2));
    CaseChange request = claimed.requestExtension("b", "需协调", later, T0, Duration.ofDays(30), zone);
    assertThat(request.audit().note()).startsWith("申请延期至 2026-12-14 09:00: 需协调");
    Case pending = after(claimed, request);
    assertThatThrownBy(() -> pending.requestExtension("b", "再要", later, T0, Duration.ofDays(30), zone))
        .isInstanceOf(ApiException.class).hasMessageContaining("already has an extension request");

    Case rejected = after(pending, pending.decideExtension("desk", false, "时限已够", T0));
    assertThat(rejected.resolveDeadline()).isEqualTo(DEADLINES.resolveBy());
    assertThatThrownBy(() -> rejected.decideExtension("desk", true, null, T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("no extension request");

    CaseChange approval = pending.decideExtension("desk", true, "同意", T0);
    assertThat(guards(approval).toJson()).contains("extension.requestedAt");
    assertThat(((CaseExtensionDecided) approval.event().payload()).resolveDeadline()).isEqualTo(later);
    Case approved = after(pending, approval);
    assertThat(approved.resolveDeadline()).isEqualTo(later);
    assertThat(approved.deadline()).isEqualTo(later);
    assertThat(approved.dueAt()).isEqualTo(later);
    assertThatThrownBy(() -> pending.decideExtension("desk", true, null, later.plusSeconds(1)))
        .isInstanceOf(ApiException.class).hasMessageContaining("which has passed");
  }

  @Test
  void resolvingStopsTheClocksAndCarriesWhenTheReturnVisitTimesOut() {
    Case claimed = after(dispatched(), dispatched().claim("bureau-1", T0));
    Instant visitBy = T0.plus(Duration.ofDays(3));
    CaseChange resolve = claimed.resolve("bureau-1", "已清运", List.of(new Case.Attachment("照片", "/docs/1.jpg")),
        T0.plusSeconds(60), visitBy);
    CaseResolved event = (CaseResolved) resolve.event().payload();
    assertThat(event.onTime()).isTrue();
    assertThat(event.returnVisitDeadline()).isEqualTo(visitBy);
    assertThat(event.registeredAt()).isEqualTo(T0.minusSeconds(5));
    Case resolved = after(claimed, resolve);
    assertThat(resolved.state()).isEqualTo(CaseState.RESOLVED);
    assertThat(resolved.deadline()).isNull();
    assertThat(resolved.dueAt()).isNull();
    assertThat(resolved.attachments()).extracting(Case.Attachment::url).containsExactly("/docs/1.jpg");
  }

  @Test
  void aReopeningHappensOncePerEventAndAtMostTwiceThenItIsABug() {
    Case kase = dispatched();
    for (int round = 1; round <= 2; round++) {
      kase = after(kase, kase.claim("b", T0));
      kase = after(kase, kase.resolve("b", "done", List.of(), T0, T0));
      Case resolved = kase;
      CaseChange reopen = resolved.reopen("event-" + round, "operator", null, 2, DEADLINES, T0).orElseThrow();
      assertThat(reopen.audit().note()).isEqualTo("重办 (" + round + "): 市民不满意");
      assertThat(((CaseDispatched) reopen.event().payload()).cause()).isEqualTo(CaseDispatched.REOPENED);
      kase = after(resolved, reopen);
      assertThat(kase.state()).isEqualTo(CaseState.DISPATCHED);
      assertThat(kase.unitId()).isEqualTo("JIANGAN_CGJ");
      assertThat(kase.resolvedAt()).isNull();
      assertThat(kase.reopen("event-" + round, "operator", null, 2, DEADLINES, T0)).as("redelivered").isEmpty();
    }
    Case twice = kase;
    assertThat(twice.reopenCount()).isEqualTo(2);
    assertThatThrownBy(() -> twice.reopen("event-3", "operator", null, 2, DEADLINES, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMergeWithdrawsOnlyAnUnclaimedCaseAndACloseIsIdempotent() {
    Case kase = dispatched();
    Case merged = after(kase, kase.withdrawMerged("operator", "WH20261207000009", T0, T0).orElseThrow());
    assertThat(merged.state()).isEqualTo(CaseState.MERGED);
    assertThat(merged.dueAt()).isNull();
    Case claimed = after(kase, kase.claim("b", T0));
    assertThat(claimed.withdrawMerged("operator", "WH20261207000009", T0, T0)).isEmpty();

    Case resolved = after(claimed, claimed.resolve("b", "done", List.of(), T0, T0));
    Case closed = after(resolved, resolved.close("operator", "SATISFIED", T0).orElseThrow());
    assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
    assertThat(closed.close("operator", "SATISFIED", T0)).as("redelivered").isEmpty();
    assertThatThrownBy(() -> claimed.close("operator", "SATISFIED", T0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eachPassedDeadlineIsMarkedOnceAndTheClockMovesOnToTheNext() {
    Case kase = dispatched();
    Instant claimBy = DEADLINES.claimBy();
    assertThat(kase.markOverdue(DeadlineKind.CLAIM, claimBy, claimBy.minusMillis(1))).as("not passed yet").isEmpty();
    assertThat(kase.whenDue(claimBy.minusMillis(1))).isEmpty();

    CaseChange mark = kase.whenDue(claimBy).orElseThrow();
    assertThat(mark.audit().note()).isEqualTo("超期未签收");
    assertThat(guards(mark).toJson()).contains("\"rev\": 0");
    assertThat(mark.event().at()).as("dated at the deadline").isEqualTo(claimBy);
    assertThat(((CaseOverdue) mark.event().payload()).kind()).isEqualTo("CLAIM");
    Case marked = after(kase, mark);
    assertThat(marked.dueAt()).isEqualTo(DEADLINES.resolveBy());
    assertThat(marked.markOverdue(DeadlineKind.CLAIM, claimBy, claimBy.plusSeconds(1))).as("marked once").isEmpty();

    Case claimed = after(marked, marked.claim("b", claimBy.plusSeconds(1)));
    assertThat(claimed.markOverdue(DeadlineKind.CLAIM, claimBy, claimBy.plusSeconds(2))).isEmpty();
    Case resolveMarked = after(claimed, claimed.whenDue(DEADLINES.resolveBy()).orElseThrow());
    assertThat(resolveMarked.overdue().resolve()).isEqualTo(DEADLINES.resolveBy());
    assertThat(resolveMarked.dueAt()).isNull();
  }

  @Test
  void aClaimDeadlineMetInTimeIsNeverMarkedAndAPressNeedsAPassedDeadline() {
    Case claimed = after(dispatched(), dispatched().claim("b", T0));
    assertThat(claimed.markOverdue(DeadlineKind.CLAIM, DEADLINES.claimBy(), DEADLINES.resolveBy())).isEmpty();
    assertThatThrownBy(() -> claimed.press("desk", "请尽快", null, T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("not overdue");
    CaseChange press = claimed.press("desk", "请尽快", null, DEADLINES.resolveBy().plusSeconds(1));
    assertThat(guards(press).toJson()).contains("\"unitId\": \"JIANGAN_CGJ\"");
    assertThat(press.audit().note()).isEqualTo("督办: 请尽快");
    assertThat(((CasePressed) press.event().payload()).alertId()).isNull();
  }

  /** 突发预警: a case behind a surge is pressed at once, overdue or not; still only while a unit has it. */
  @Test
  void aPressForASurgeAlertNeedsNoPassedDeadlineButStillAUnit() {
    Case dispatched = dispatched();
    CaseChange press = dispatched.press("desk", "燃气泄漏，立即处置", SURGE, T0);
    assertThat(press.audit().note()).isEqualTo("督办 (突发预警 SRG-GAS_SAFETY-HANNAN-20261207T0100-0a1b2c3d): 燃气泄漏，立即处置");
    assertThat(guards(press).toJson()).contains("\"unitId\": \"JIANGAN_CGJ\"");
    CasePressed event = (CasePressed) press.event().payload();
    assertThat(event.alertId()).isEqualTo("SRG-GAS_SAFETY-HANNAN-20261207T0100-0a1b2c3d");
    assertThat(event.note()).isEqualTo("燃气泄漏，立即处置");
    assertThat(after(dispatched, press).presses()).extracting(Case.Press::note).containsExactly("燃气泄漏，立即处置");
    Case claimed = after(dispatched, dispatched.claim("b", T0));
    Case resolved = after(claimed, claimed.resolve("b", "已处置", List.of(), T0, T0));
    assertThatThrownBy(() -> resolved.press("desk", "x", SURGE, T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("RESOLVED");
    Case atTheDesk = Case.awaitingManualDispatch("WH20261207000002", new ComplaintRegistered(
        new CaseFacts("JIANGAN", "GAS_SAFETY", "URGENT", null), "李四", "13912345678", false, "PHONE", "COMPLAINT",
        "解放大道1号", "燃气味", "operator", false, null, null, null, null, null), T0, T0, "no rule").kase();
    assertThatThrownBy(() -> atTheDesk.press("desk", "x", SURGE, T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("AWAITING_MANUAL_DISPATCH");
  }

  /** Only a surge that still lasts, and only for its own calls, waives the overdue rule. */
  @Test
  void aPressForASurgeThatEndedOrForACallNotInItIsRefusedSayingWhich() {
    Case dispatched = dispatched();
    SurgeAlert ended = new SurgeAlert(SURGE.id(), SURGE.tickets(), false);
    assertThatThrownBy(() -> dispatched.press("desk", "x", ended, T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("has ended");
    SurgeAlert elsewhere = new SurgeAlert(SURGE.id(), List.of("WH20261207000007"), true);
    assertThatThrownBy(() -> dispatched.press("desk", "x", elsewhere, T0)).isInstanceOf(ApiException.class)
        .hasMessageContaining("not one of the calls");
  }

  @Test
  void aClockFieldLeftEarlyByAStepFromAnOlderPictureIsPutRightWithoutATrace() {
    Case kase = dispatched();
    Case marked = after(kase, kase.whenDue(DEADLINES.claimBy()).orElseThrow());
    // A step decided from a picture older than a marking can leave dueAt on the deadline already marked.
    Case stale = new Case(marked.ticketId(), marked.rev(), marked.state(), marked.district(), marked.category(),
        marked.urgency(), marked.type(), marked.address(), marked.street(), marked.description(), marked.callerName(),
        marked.callerPhone(), marked.confidential(), marked.registeredAt(), marked.openedAt(), marked.unitId(),
        marked.unitName(), marked.ruleKey(), marked.ruleVersion(), marked.dispatchedAt(), marked.dispatchedBy(),
        marked.enteredAt(), marked.claimDeadline(), marked.resolveDeadline(), marked.deadline(), DEADLINES.claimBy(),
        marked.claimedAt(), marked.claimedBy(), marked.resolvedAt(), marked.reply(), marked.attachments(),
        marked.extension(), marked.returns(), marked.returnCounts(), marked.presses(), marked.reopenCount(),
        marked.reopenedBy(), marked.mergedInto(), marked.closedAt(), marked.overdue(), marked.audit());
    Optional<CaseChange> fix = stale.whenDue(DEADLINES.claimBy().plusSeconds(1));
    assertThat(fix).hasValueSatisfying(c -> {
      assertThat(c.action()).isNull();
      assertThat(c.event()).isNull();
      assertThat(after(stale, c).dueAt()).isEqualTo(DEADLINES.resolveBy());
    });
  }

  /** A case, or its view as an operator reads it, in a log line never carries the caller's name or phone. */
  @Test
  void neitherTheCaseNorItsViewPrintsTheCallersNameOrPhone() {
    Case kase = dispatched();
    CaseView view = CaseView.of(kase, new Caller("op", "接线员", Set.of(Role.OPERATOR), null), T0);
    assertThat(view.callerPhone()).as("the operator's view holds it").isEqualTo("13912345678");
    for (Object printed : List.of(kase, view)) {
      assertThat(printed.toString()).contains("WH20261207000001").doesNotContain("李四", "13912345678");
    }
  }
}
