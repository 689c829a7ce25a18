package city.hotline.feedback.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps what the SMS centre sends back: receipts by message id, and a TD (退订) reply as an opt-out of that number. */
@Component
class InboundTexts implements SmppInbound {
  private static final Logger log = LoggerFactory.getLogger(InboundTexts.class);

  private final TextRepository texts;
  private final RecipientRepository recipients;
  private final SmsMetrics metrics;
  private final Clock clock;
  private final Set<String> keywords;
  private final String optOutKey;

  InboundTexts(TextRepository texts, RecipientRepository recipients, SmsMetrics metrics, Clock clock,
      SmsSettings settings) {
    this.texts = texts;
    this.recipients = recipients;
    this.metrics = metrics;
    this.clock = clock;
    this.keywords = settings.optOutKeywords().stream().map(InboundTexts::plain).collect(Collectors.toSet());
    this.optOutKey = settings.optOutKey();
  }

  @Override
  public void receipt(String messageId, String state, String error) {
    texts.receipt(messageId, state, error, clock.instant());
    metrics.receipt(state);
  }

  /** A reply that is an opt-out keyword stops every later text to the number; anything else is not kept. */
  @Override
  public void reply(String fromNumber, String text) {
    if (!keywords.contains(plain(text))) {
      log.info("sms reply that is not an opt-out left unanswered chars={}", text.length());
      return;
    }
    MobileNumbers.normalize(fromNumber).ifPresentOrElse(mobile -> {
      recipients.optOut(MobileNumbers.hash(mobile, optOutKey), clock.instant());
      log.info("sms opt-out (退订) kept for the number that replied");
    }, () -> log.warn("sms opt-out from a number that is not a mainland mobile, nothing kept"));
  }

  private static String plain(String text) {
    return text == null ? "" : text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }
}
