package city.hotline.feedback.heat;

import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts every registration with a map point into the heat layer, merged and answered-on-the-phone ones too. */
@Component
class HeatListener {
  private final EventCodec codec;
  private final HeatMap heat;

  HeatListener(EventCodec codec, HeatMap heat) {
    this.codec = codec;
    this.heat = heat;
  }

  @KafkaListener(id = "feedback-heat", topics = "${hotline.topics.intake}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof ComplaintRegistered call) {
      heat.count(event, call);
    }
  }
}
