package city.hotline.feedback.alert;

import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the surge detection's events into alerts. Read committed: the detection writes in Kafka transactions
 * (exactly once), and a surge it reported in a transaction that was then aborted must never reach anyone.
 */
@Component
class AlertListener {
  private final EventCodec codec;
  private final AlertService alerts;

  AlertListener(EventCodec codec, AlertService alerts) {
    this.codec = codec;
    this.alerts = alerts;
  }

  @KafkaListener(id = "feedback-alerts", topics = "${hotline.topics.surge}",
      properties = "isolation.level=read_committed")
  void on(ConsumerRecord<String, String> record) {
    alerts.apply(codec.decode(record.value()));
  }
}
