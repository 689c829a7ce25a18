package city.hotline.feedback.visit;

import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns of each ticket at registration and opens its return visit when dispatch reports it resolved. */
@Component
class VisitEventsListener {
  private final EventCodec codec;
  private final VisitRepository visits;
  private final VisitSettings settings;

  VisitEventsListener(EventCodec codec, VisitRepository visits, VisitSettings settings) {
    this.codec = codec;
    this.visits = visits;
    this.settings = settings;
  }

  @KafkaListener(id = "feedback-visits", topics = {"${hotline.topics.intake}", "${hotline.topics.dispatch}"})
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof ComplaintRegistered registered) {
      if (registered.needsDispatch()) { // answered on the phone or merged: no case, so no return visit
        visits.noteRegistered(event.ticketId(), registered);
      }
    } else if (event.payload() instanceof CaseResolved resolved) {
      open(event, resolved);
    }
  }

  private void open(EventEnvelope<?> event, CaseResolved resolved) {
    String ticketId = event.ticketId();
    Instant deadline = resolved.returnVisitDeadline() != null ? resolved.returnVisitDeadline()
        : event.occurredAt().plus(settings.noResponseFallback());
    visits.open(ticketId, event.eventId().toString(), resolved.facts(), event.occurredAt(), resolved.reply(), deadline);
  }
}
