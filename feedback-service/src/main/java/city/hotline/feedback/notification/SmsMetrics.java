package city.hotline.feedback.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code hotline_sms_texts_total{outcome=sent|failed|skipped}} (each text counted once, when its outcome is written;
 * {@code sent_late}: the centre took a text whose claim had lapsed, so another sender may send it again),
 * {@code hotline_sms_pending} (texts not sent yet, as this replica's sender last counted them),
 * {@code hotline_sms_oldest_pending_age_seconds} (since the event of the oldest of them, 0 when none) and
 * {@code hotline_sms_receipts_total{state}} (the SMS centre's delivery receipts).
 */
@Component
class SmsMetrics {
  static final String TEXTS = "hotline.sms.texts";
  static final String PENDING = "hotline.sms.pending";
  static final String OLDEST = "hotline.sms.oldest.pending.age";
  static final String RECEIPTS = "hotline.sms.receipts";

  private final MeterRegistry registry;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();

  SmsMetrics(MeterRegistry registry) {
    this.registry = registry;
    // from 0 at start: a series that first appears at 1 is an increase rate() never sees
    for (String outcome : new String[] {"sent", "failed", "skipped", "sent_late"}) {
      texts(outcome);
    }
    Gauge.builder(PENDING, pending, AtomicLong::get).description("Texts in the outbox not sent yet").register(registry);
    Gauge.builder(OLDEST, oldestSeconds, AtomicLong::get).baseUnit("seconds")
        .description("Age of the oldest text not sent yet, from its event (0 when none)").register(registry);
  }

  void sent() {
    texts("sent").increment();
  }

  void failed() {
    texts("failed").increment();
  }

  void skipped() {
    texts("skipped").increment();
  }

  void sentLate() {
    texts("sent_late").increment();
  }

  void pending(long count, Duration oldestAge) {
    pending.set(count);
    oldestSeconds.set(oldestAge.toSeconds());
  }

  void receipt(String state) {
    Counter.builder(RECEIPTS).description("Delivery receipts from the SMS centre, by final state").tag("state", state)
        .register(registry).increment();
  }

  private Counter texts(String outcome) {
    return Counter.builder(TEXTS).description("Citizens' texts by outcome").tag("outcome", outcome).register(registry);
  }
}
