package city.hotline.dispatch.casework;

import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the queues in step with the cases from dispatch's own events: every change that moves a case
 * between queues publishes one, one ticket's events arrive in order, and each places the case as it is
 * now, so a crash between a case write and its queue update is repaired by the event.
 */
@Component
class OpenWorkListener {
  private final EventCodec codec;
  private final CaseRepository cases;
  private final OpenWork openWork;

  OpenWorkListener(EventCodec codec, CaseRepository cases, OpenWork openWork) {
    this.codec = codec;
    this.cases = cases;
    this.openWork = openWork;
  }

  @KafkaListener(id = "dispatch-open-work", topics = "${hotline.topics.dispatch}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    cases.find(event.ticketId()).ifPresent(openWork::place);
  }
}
