package city.hotline.dispatch.casework;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens a case for each registration from intake, withdraws it when intake merges it, closes it when feedback does. Other events are not ours. */
@Component
class CaseEventsListener {
  private final EventCodec codec;
  private final CaseService cases;

  CaseEventsListener(EventCodec codec, CaseService cases) {
    this.codec = codec;
    this.cases = cases;
  }

  @KafkaListener(topics = {"${hotline.topics.intake}", "${hotline.topics.feedback}"})
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (EventType.COMPLAINT_REGISTERED.wireName().equals(event.eventType())) {
      cases.open(event);
    } else if (EventType.COMPLAINT_MERGED.wireName().equals(event.eventType())) {
      cases.withdrawMerged(event);
    } else if (EventType.CASE_CLOSED.wireName().equals(event.eventType())) {
      cases.closeAfterVisit(event);
    }
  }
}
