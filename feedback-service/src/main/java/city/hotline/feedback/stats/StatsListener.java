package city.hotline.feedback.stats;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts every service's events into the statistics read model: the generation the dashboard reads,
 * and during a rebuild the one being filled as well.
 */
@Component
class StatsListener {
  private final EventCodec codec;
  private final StatsStore store;
  private final StatsProjection projection;
  private final StatsSettings settings;

  StatsListener(EventCodec codec, StatsStore store, StatsProjection projection, StatsSettings settings) {
    this.codec = codec;
    this.store = store;
    this.projection = projection;
    this.settings = settings;
  }

  @KafkaListener(id = "feedback-statistics",
      topics = {"${hotline.topics.intake}", "${hotline.topics.dispatch}", "${hotline.topics.feedback}"})
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof CaseEvent) {
      for (int generation : store.meta(settings.refreshInterval()).write()) {
        projection.apply(store.generation(generation), event);
      }
    }
  }
}
