package city.hotline.intake.complaint;

import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import city.hotline.intake.duplicate.DuplicateFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 受理 that intake's database forgot: after a restore from an older backup, the calls registered since are
 * still on intake's own topic, each with everything the operator entered. Each missing work order is written
 * again from its ComplaintRegistered, as it was registered (number, time, operator), without publishing the
 * event again; its later steps come back as the dispatch and feedback events are replayed. The day's counter
 * is lifted past the number too, so it is never handed out again ({@link TicketFloor} does the same at start).
 * A work order the database holds is left alone, so reading the topic again changes nothing.
 */
@Component
class RegistrationReplay {
  private static final Logger log = LoggerFactory.getLogger(RegistrationReplay.class);
  private static final String REPLAYED = "replayed:";

  private final EventCodec codec;
  private final ComplaintRepository complaints;
  private final DuplicateFinder duplicates;
  private final TicketSequence sequence;

  RegistrationReplay(EventCodec codec, ComplaintRepository complaints, DuplicateFinder duplicates, TicketSequence sequence) {
    this.codec = codec;
    this.complaints = complaints;
    this.duplicates = duplicates;
    this.sequence = sequence;
  }

  @KafkaListener(id = "intake-registration-replay", topics = "${hotline.topics.intake}")
  void on(ConsumerRecord<String, String> record) {
    if (record.key() == null || complaints.exists(record.key())) {
      return; // the usual case: nothing forgotten, nothing to decode
    }
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof ComplaintRegistered registered) {
      restore(event, registered);
    }
  }

  private void restore(EventEnvelope<?> event, ComplaintRegistered call) {
    String ticketId = event.ticketId();
    sequence.lift(TicketNumber.dayKeyOf(ticketId), TicketNumber.sequence(ticketId));
    RegistrationRequest request = request(call);
    WorkOrder order = WorkOrder.replayed(ticketId, request, REPLAYED + event.eventId(), event.occurredAt(),
        call.actor(), duplicates.placeOf(request.address(), request.location()), event.eventId().toString());
    if (complaints.insert(order)) {
      log.warn("work order restored from intake's topic ticketId={}", ticketId);
    }
  }

  /** The call as the operator entered it; the event carries every field but the attachments' references. */
  private static RegistrationRequest request(ComplaintRegistered call) {
    RegistrationRequest.Location at = call.longitude() == null ? null
        : new RegistrationRequest.Location(call.longitude(), call.latitude());
    return new RegistrationRequest(call.callerName(), call.callerPhone(), call.confidential(), call.channel(),
        call.type(), call.facts().category(), call.facts().urgency(), call.facts().district(), call.address(),
        call.description(), call.street(), at, List.of(), call.closedDirectly(), call.answer(), call.duplicateOf(),
        call.knowledgeArticleId(), null, call.smsOptOut());
  }
}
