package city.hotline.intake.webhook;

import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads every ticket's events (intake's own, dispatch's and feedback's, as the timeline does) in a consumer group of
 * its own, and hands them to {@link WebhookFanOut}. Its position is kept with the deliveries, like every listener's.
 */
class WebhookListener {
  static final String GROUP = "intake-webhooks";
  private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);

  private final EventCodec codec;
  private final WebhookFanOut fanOut;

  WebhookListener(EventCodec codec, WebhookFanOut fanOut) {
    this.codec = codec;
    this.fanOut = fanOut;
  }

  @KafkaListener(id = GROUP, topics = {"${hotline.topics.intake}", "${hotline.topics.dispatch}",
      "${hotline.topics.feedback}"})
  void on(ConsumerRecord<String, String> record) {
    var event = codec.decode(record.value());
    int made = fanOut.accept(event);
    if (made > 0) {
      log.info("webhook deliveries queued ticketId={} event={} deliveries={}", event.ticketId(), event.eventType(), made);
    }
  }
}
