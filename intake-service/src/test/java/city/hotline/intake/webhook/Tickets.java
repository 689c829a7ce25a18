package city.hotline.intake.webhook;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseExtensionRequested;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/** Work orders and the events of their lives, as intake, dispatch and feedback publish them. */
final class Tickets {
  static final String CALLER = "王芳";
  static final String PHONE = "13812341234";

  private Tickets() {}

  /** A work order as registered: by a partner's Caller ({@code partner:PT0001}) with a key, or by an operator. */
  static WorkOrder order(String ticketId, String district, String registeredBy, boolean confidential) {
    RegistrationRequest call = new RegistrationRequest(CALLER, PHONE, confidential, null, null, "SANITATION", "NORMAL",
        district, "中北路88号", "垃圾堆积", null, null, null, null, null, null, null, null);
    return WorkOrder.register(ticketId, call, "key:" + registeredBy + "|k-" + ticketId, Instant.now(), registeredBy,
        List.of(), new WorkOrder.PlaceKeys(null, null), new Document("eventId", "registered-" + ticketId));
  }

  static CaseFacts facts(String district) {
    return new CaseFacts(district, "SANITATION", "NORMAL", "UNIT_1");
  }

  static EventEnvelope<ComplaintRegistered> registered(String ticketId, String district, Instant at) {
    return EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service", at,
        new ComplaintRegistered(new CaseFacts(district, "SANITATION", "NORMAL", null), CALLER, PHONE, false, "OPEN311",
            "COMPLAINT", "中北路88号", "垃圾堆积", "operator", false, null, null, null, null, null));
  }

  /** A consultation answered on the phone (直接办结). */
  static EventEnvelope<ComplaintRegistered> answeredAtTheCall(String ticketId, String district, Instant at) {
    return EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service", at,
        new ComplaintRegistered(new CaseFacts(district, "OTHER", "NORMAL", null), CALLER, PHONE, false, "PHONE",
            "CONSULTATION", "中北路88号", "问办证", "operator", true, "请到政务中心办理", null, null, null, null));
  }

  static EventEnvelope<CaseDispatched> dispatched(String ticketId, String district, Instant at) {
    return EventEnvelope.of(EventType.CASE_DISPATCHED, ticketId, "dispatch-service", at,
        new CaseDispatched(facts(district), "区城管局", "R1", at, at, "system", CaseDispatched.ROUTED));
  }

  static EventEnvelope<CaseClaimed> claimed(String ticketId, String district, Instant at) {
    return EventEnvelope.of(EventType.CASE_CLAIMED, ticketId, "dispatch-service", at,
        new CaseClaimed(facts(district), "bureau", true));
  }

  static EventEnvelope<CaseExtensionRequested> extensionRequested(String ticketId, String district, Instant at) {
    return EventEnvelope.of(EventType.CASE_EXTENSION_REQUESTED, ticketId, "dispatch-service", at,
        new CaseExtensionRequested(facts(district), "bureau", "需协调", at.plusSeconds(86400)));
  }

  static EventEnvelope<CaseResolved> resolved(String ticketId, String district, Instant at, String reply) {
    return EventEnvelope.of(EventType.CASE_RESOLVED, ticketId, "dispatch-service", at,
        new CaseResolved(facts(district), "bureau", reply, true, at, at));
  }

  static EventEnvelope<CaseClosed> closed(String ticketId, String district, Instant at) {
    return EventEnvelope.of(EventType.CASE_CLOSED, ticketId, "feedback-service", at,
        new CaseClosed(facts(district), "SATISFIED", "operator", null));
  }
}
