package city.hotline.feedback.notification;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default where no SMS centre is set up (development, demos): each text is a log line naming the ticket, the
 * template and the length, never the number or the body, and counts as sent.
 */
class LogOnlySender implements NotificationSender {
  private static final Logger log = LoggerFactory.getLogger(LogOnlySender.class);

  @Override
  public List<String> send(OutgoingText text) {
    String messageId = "log-" + UUID.randomUUID();
    log.info("sms (log only, hotline.sms.sender=log) ticketId={} template={} chars={} messageId={}", text.ticketId(),
        text.kind().template(), text.body().length(), messageId);
    return List.of(messageId);
  }

  @Override
  public boolean ready() {
    return true;
  }
}
