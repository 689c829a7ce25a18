package city.hotline.feedback.notification;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events a citizen hears about into texts in the outbox (group {@code feedback-sms}), one per event,
 * keyed by its id, so an event read twice is one text: 受理 (ComplaintRegistered, also noting whom to text), 办结
 * (CaseResolved) and 结案 (CaseClosed). A consultation answered on the phone (直接办结) and a call merged into an
 * open ticket (重复件) get no text: the caller has the answer already, or the other ticket's caller gets its texts.
 * Whether a text goes at all (confidential, declined, opted out, not a mobile) is decided when it is sent. An event
 * older than {@code max-event-age} when read (a new group starts at the topics' beginning, a replay, a restore) is
 * kept as a SKIPPED text (STALE), so days-old news is never texted; its caller is still noted, for a later fresh text.
 */
@Component
class SmsEventsListener {
  private final EventCodec codec;
  private final TextRepository texts;
  private final RecipientRepository recipients;
  private final SmsMetrics metrics;
  private final SmsSettings settings;
  private final Clock clock;

  SmsEventsListener(EventCodec codec, TextRepository texts, RecipientRepository recipients, SmsMetrics metrics,
      SmsSettings settings, Clock clock) {
    this.codec = codec;
    this.texts = texts;
    this.recipients = recipients;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  @KafkaListener(id = "feedback-sms",
      topics = {"${hotline.topics.intake}", "${hotline.topics.dispatch}", "${hotline.topics.feedback}"})
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    String ticketId = event.ticketId();
    if (event.payload() instanceof ComplaintRegistered call) {
      recipients.note(Recipient.of(ticketId, call, event.occurredAt()));
      if (call.needsDispatch()) {
        add(event, TextKind.REGISTERED, null);
      }
    } else if (event.payload() instanceof CaseResolved resolved) {
      add(event, TextKind.RESOLVED, resolved.reply());
    } else if (event.payload() instanceof CaseClosed) {
      add(event, TextKind.CLOSED, null);
    }
  }

  private void add(EventEnvelope<?> event, TextKind kind, String answer) {
    Instant now = clock.instant();
    String id = event.eventId().toString();
    if (!event.occurredAt().isBefore(now.minus(settings.maxEventAge()))) {
      texts.add(Text.pending(id, event.ticketId(), kind, answer, event.occurredAt(), now));
    } else if (texts.add(Text.stale(id, event.ticketId(), kind, event.occurredAt(), now))) {
      metrics.skipped();
      if (kind == TextKind.CLOSED) {
        recipients.dropPhone(event.ticketId()); // no closing text will drop it
      }
    }
  }
}
