package city.hotline.feedback.stats;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CasePressed;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Six calls over two days whose figures are worked out by hand (see the expectations in the tests):
 * <ul>
 *   <li>T1 江岸 环境卫生: routed to 江岸区城管局, claimed and resolved in time (6 h), 满意 and solved the next day;
 *   <li>T2 江岸 环境卫生: routed to 江岸区城管局, returned, routed by hand to 武昌区城管局, claimed late,
 *       resolved late (31 h), reopened, routed back, claimed in time, closed 未接通;
 *   <li>T3 武昌 路灯 较急: routed to 武昌区城管局, never claimed, overdue;
 *   <li>T4 武昌 其他: a consultation answered on the phone (直接办结) from knowledge article {@link #ARTICLE} (知识库);
 *   <li>T5 江岸 环境卫生: merged into T1 at registration (重复件);
 *   <li>T6 洪山 园林: claimed and resolved in time (2 h), nobody rated it (NO_RESPONSE).
 * </ul>
 * Every event is one the services publish today; T2's press (督办) counts nowhere.
 */
final class Scenario {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate DAY_1 = LocalDate.of(2026, 11, 2);
  static final LocalDate DAY_2 = LocalDate.of(2026, 11, 3);
  static final String ARTICLE = "KB000101";

  private final String prefix;
  private final List<EventEnvelope<?>> events = new ArrayList<>();

  /** @param prefix ticket prefix, so several runs against one broker keep apart (e.g. "WH" + 8 digits) */
  Scenario(String prefix) {
    this.prefix = prefix;
    build();
  }

  List<EventEnvelope<?>> events() {
    return List.copyOf(events);
  }

  String ticket(int n) {
    return prefix + String.format("%06d", n);
  }

  private static Instant at(LocalDate day, String time) {
    return LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(ZONE).toInstant();
  }

  private static CaseFacts facts(String district, String category, String urgency, String unit) {
    return new CaseFacts(district, category, urgency, unit);
  }

  private void add(int ticket, EventType type, String producer, Instant at, Object payload) {
    events.add(EventEnvelope.of(type, ticket(ticket), producer, at, payload));
  }

  private void registered(int ticket, CaseFacts facts, Instant at, boolean closedDirectly, String duplicateOf) {
    add(ticket, EventType.COMPLAINT_REGISTERED, "intake-service", at, new ComplaintRegistered(facts, "市民", "13800000000",
        false, "PHONE", closedDirectly ? "CONSULTATION" : "COMPLAINT", "地址", "诉求", "operator", closedDirectly,
        closedDirectly ? "已答复" : null, null, null, null, duplicateOf, closedDirectly ? ARTICLE : null));
  }

  private void dispatched(int ticket, CaseFacts facts, Instant at, String cause) {
    add(ticket, EventType.CASE_DISPATCHED, "dispatch-service", at, new CaseDispatched(facts, facts.unitId() + "名",
        "rule", at.plusSeconds(7200), at.plusSeconds(432000), "system", cause));
  }

  private void build() {
    CaseFacts jiangan = facts("JIANGAN", "SANITATION", "NORMAL", null);
    CaseFacts t1 = facts("JIANGAN", "SANITATION", "NORMAL", "JIANGAN_CGJ");
    registered(1, jiangan, at(DAY_1, "09:00"), false, null);
    dispatched(1, t1, at(DAY_1, "09:00:01"), CaseDispatched.ROUTED);
    add(1, EventType.CASE_CLAIMED, "dispatch-service", at(DAY_1, "09:30"), new CaseClaimed(t1, "jiangan", true));
    add(1, EventType.CASE_RESOLVED, "dispatch-service", at(DAY_1, "15:00"),
        new CaseResolved(t1, "jiangan", "已清运", true, at(DAY_1, "09:00"), at(DAY_2, "15:00")));
    add(1, EventType.CASE_CLOSED, "feedback-service", at(DAY_2, "10:00"), new CaseClosed(t1, "SATISFIED", "operator", null, true));

    CaseFacts t2first = facts("JIANGAN", "SANITATION", "NORMAL", "JIANGAN_CGJ");
    CaseFacts t2 = facts("JIANGAN", "SANITATION", "NORMAL", "WUCHANG_CGJ");
    registered(2, jiangan, at(DAY_1, "10:00"), false, null);
    dispatched(2, t2first, at(DAY_1, "10:00:01"), CaseDispatched.ROUTED);
    add(2, EventType.CASE_RETURNED, "dispatch-service", at(DAY_1, "11:00"),
        new CaseReturned(t2first, "jiangan", "NOT_OUR_DISTRICT", "属武昌区", 1));
    dispatched(2, t2, at(DAY_1, "11:30"), CaseDispatched.MANUAL);
    add(2, EventType.CASE_CLAIMED, "dispatch-service", at(DAY_2, "09:00"), new CaseClaimed(t2, "wuchang", false));
    add(2, EventType.CASE_PRESSED, "dispatch-service", at(DAY_2, "09:05"), new CasePressed(t2, "dispatcher", "请尽快"));
    add(2, EventType.CASE_RESOLVED, "dispatch-service", at(DAY_2, "17:00"),
        new CaseResolved(t2, "wuchang", "已处理", false, at(DAY_1, "10:00"), null));
    add(2, EventType.CASE_REOPENED, "feedback-service", at(DAY_2, "18:00"), new CaseReopened(t2, "operator", "没处理好", 1));
    dispatched(2, t2, at(DAY_2, "18:00:01"), CaseDispatched.REOPENED);
    add(2, EventType.CASE_CLAIMED, "dispatch-service", at(DAY_2, "18:30"), new CaseClaimed(t2, "wuchang", true));
    add(2, EventType.CASE_RESOLVED, "dispatch-service", at(DAY_2, "19:00"),
        new CaseResolved(t2, "wuchang", "已再次处理", true, at(DAY_1, "10:00"), null));
    add(2, EventType.CASE_CLOSED, "feedback-service", at(DAY_2, "20:00"), new CaseClosed(t2, "UNREACHABLE", "operator", null));

    CaseFacts t3 = facts("WUCHANG", "STREET_LIGHTING", "URGENT", "WUCHANG_CGJ");
    registered(3, facts("WUCHANG", "STREET_LIGHTING", "URGENT", null), at(DAY_2, "08:00"), false, null);
    dispatched(3, t3, at(DAY_2, "08:00:01"), CaseDispatched.ROUTED);
    add(3, EventType.CASE_OVERDUE, "dispatch-service", at(DAY_2, "10:00:01"),
        new CaseOverdue(t3, CaseOverdue.CLAIM, at(DAY_2, "10:00:01")));

    registered(4, facts("WUCHANG", "OTHER", "NORMAL", null), at(DAY_1, "12:00"), true, null);
    registered(5, jiangan, at(DAY_1, "09:30"), false, ticket(1));

    CaseFacts t6 = facts("HONGSHAN", "GREENERY", "NORMAL", "HONGSHAN_CGJ");
    registered(6, facts("HONGSHAN", "GREENERY", "NORMAL", null), at(DAY_2, "09:00"), false, null);
    dispatched(6, t6, at(DAY_2, "09:00:01"), CaseDispatched.ROUTED);
    add(6, EventType.CASE_CLAIMED, "dispatch-service", at(DAY_2, "09:10"), new CaseClaimed(t6, "hongshan", true));
    add(6, EventType.CASE_RESOLVED, "dispatch-service", at(DAY_2, "11:00"),
        new CaseResolved(t6, "hongshan", "已修剪", true, at(DAY_2, "09:00"), null));
    add(6, EventType.CASE_CLOSED, "feedback-service", at(DAY_2, "23:00"), new CaseClosed(t6, "NO_RESPONSE", "system", null));
  }
}
