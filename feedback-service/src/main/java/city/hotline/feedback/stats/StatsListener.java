package city.hotline.feedback.stats;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts every service's events into the statistics read model, in the day each event happened. */
@Component
class StatsListener {
  private final EventCodec codec;
  private final StatsRepository stats;
  private final StatsSettings settings;

  StatsListener(EventCodec codec, StatsRepository stats, StatsSettings settings) {
    this.codec = codec;
    this.stats = stats;
    this.settings = settings;
  }

  @KafkaListener(id = "feedback-stats",
      topics = {"${hotline.topics.intake}", "${hotline.topics.dispatch}", "${hotline.topics.feedback}"})
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    List<Metric> metrics = Metric.countedBy(event);
    if (!metrics.isEmpty()) {
      LocalDate day = event.occurredAt().atZone(settings.zone()).toLocalDate();
      stats.count(day, ((CaseEvent) event.payload()).facts(), metrics, event.ticketId());
    }
  }
}
