package city.hotline.intake.open311;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Work orders as intake stores them, for the façade's plain tests. */
final class Orders {
  static final Instant AT = Instant.parse("2026-12-08T01:30:00Z");

  private Orders() {}

  /** A call taken on the phone, with an operator's attachment. */
  static RegistrationRequest call(boolean confidential, String description) {
    return call("PHONE", "王芳", confidential, description);
  }

  static RegistrationRequest call(String channel, String callerName, boolean confidential, String description) {
    return new RegistrationRequest(callerName, "13812341234", confidential, channel, "COMPLAINT", "STREET_LIGHTING",
        "NORMAL", "JIANGAN", "江岸区解放大道1000号", description, null, new RegistrationRequest.Location(114.3, 30.6),
        List.of("https://partner.example/photo/1.jpg"), null, null, null);
  }

  static WorkOrder registered(RegistrationRequest call) {
    return WorkOrder.register("WH20261208000001", call, "call:1", AT, "张接线员", List.of(),
        new WorkOrder.PlaceKeys("key", null), new Document("eventId", "e-registered"));
  }

  /** The work order after an event of another service, as the repository writes it. */
  static WorkOrder after(WorkOrder o, ComplaintStatus status, String note, String unitId, Instant at) {
    List<WorkOrder.Step> timeline = new ArrayList<>(o.timeline());
    timeline.add(new WorkOrder.Step("e-" + timeline.size(), at, status, "某工作人员", note));
    return new WorkOrder(o.ticketId(), o.registration(), o.callerName(), o.callerPhone(), o.confidential(),
        o.channel(), o.type(), o.category(), o.urgency(), o.district(), o.address(), o.addressKey(), o.description(),
        o.street(), o.location(), o.cell(), o.attachments(), o.answer(), o.mergedInto(), o.likelyDuplicates(),
        o.registeredAt(), status, at, unitId, timeline, o.duplicateCalls(), o.outbox(), o.knowledgeArticleId(),
        o.suggestion(), o.suggestedAt(), o.handledCategory(), o.handledUnit(), o.learnableAt());
  }
}
