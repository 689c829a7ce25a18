package city.hotline.feedback.stats;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.ComplaintRegistered;
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
      stats.count(day, facts(event.payload()), metrics, event.ticketId());
    }
  }

  private static CaseFacts facts(Object payload) {
    if (payload instanceof ComplaintRegistered p) {
      return p.facts();
    } else if (payload instanceof CaseDispatched p) {
      return p.facts();
    } else if (payload instanceof CaseClaimed p) {
      return p.facts();
    } else if (payload instanceof CaseResolved p) {
      return p.facts();
    } else if (payload instanceof CaseClosed p) {
      return p.facts();
    }
    throw new IllegalArgumentException("no case facts in " + payload.getClass().getSimpleName());
  }
}
