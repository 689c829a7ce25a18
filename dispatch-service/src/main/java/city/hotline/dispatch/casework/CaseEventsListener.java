package city.hotline.dispatch.casework;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for each registration from intake, withdraws it when intake merges it, sends it back
 * to its unit when feedback reopens it, closes it when feedback does. Other events are not ours.
 */
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
    EventType.fromWireName(event.eventType()).ifPresent(type -> {
      switch (type) {
        case COMPLAINT_REGISTERED -> cases.open(event);
        case COMPLAINT_MERGED -> cases.withdrawMerged(event);
        case CASE_REOPENED -> cases.reopen(event);
        case CASE_CLOSED -> cases.closeAfterVisit(event);
        default -> { }
      }
    });
  }
}
