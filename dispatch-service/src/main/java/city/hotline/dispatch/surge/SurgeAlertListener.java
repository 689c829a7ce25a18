package city.hotline.dispatch.surge;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the surge detection's alerts for the desk's presses. Read committed: the detection writes in Kafka
 * transactions, and a surge reported in one that was aborted never happened.
 */
@Component
class SurgeAlertListener {
  private static final Logger log = LoggerFactory.getLogger(SurgeAlertListener.class);
  private final EventCodec codec;
  private final SurgeAlerts alerts;

  SurgeAlertListener(EventCodec codec, SurgeAlerts alerts) {
    this.codec = codec;
    this.alerts = alerts;
  }

  /**
   * A SurgeGrew or SurgeEnded of an alert never opened is ignored: every event of a surge has its id as key, so its
   * SurgeDetected comes first on the same partition.
   */
  @KafkaListener(id = "dispatch-surge-alerts", topics = "${hotline.topics.surge}",
      properties = "isolation.level=read_committed")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    boolean known = true;
    if (event.payload() instanceof SurgeDetected detected) {
      alerts.detected(detected);
    } else if (event.payload() instanceof SurgeGrew grew) {
      known = alerts.grew(grew);
    } else if (event.payload() instanceof SurgeEnded ended) {
      known = alerts.ended(ended);
    }
    if (!known) {
      log.warn("surge alert unknown, {} ignored surgeId={}", event.eventType(), event.ticketId());
    }
  }
}
