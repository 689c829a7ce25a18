package city.hotline.feedback.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code hotline_sms_texts_total{outcome=sent|failed|skipped}} (each text counted once, when its outcome is written),
 * {@code hotline_sms_pending} (texts not sent yet, as this replica's sender last counted them) and
 * {@code hotline_sms_receipts_total{state}} (the SMS centre's delivery receipts).
 */
@Component
class SmsMetrics {
  static final String TEXTS = "hotline.sms.texts";
  static final String PENDING = "hotline.sms.pending";
  static final String RECEIPTS = "hotline.sms.receipts";

  private final MeterRegistry registry;
  private final AtomicLong pending = new AtomicLong();

  SmsMetrics(MeterRegistry registry) {
    this.registry = registry;
    // from 0 at start: a series that first appears at 1 is an increase rate() never sees
    for (String outcome : new String[] {"sent", "failed", "skipped"}) {
      texts(outcome);
    }
    Gauge.builder(PENDING, pending, AtomicLong::get).description("Texts in the outbox not sent yet").register(registry);
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

  void pending(long count) {
    pending.set(count);
  }

  void receipt(String state) {
    Counter.builder(RECEIPTS).description("Delivery receipts from the SMS centre, by final state").tag("state", state)
        .register(registry).increment();
  }

  private Counter texts(String outcome) {
    return Counter.builder(TEXTS).description("Citizens' texts by outcome").tag("outcome", outcome).register(registry);
  }
}
