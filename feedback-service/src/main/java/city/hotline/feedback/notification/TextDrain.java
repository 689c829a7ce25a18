package city.hotline.feedback.notification;

import city.hotline.feedback.visit.RatingLinksForTexts;
import city.hotline.feedback.visit.RatingLinksForTexts.LinkForText;
import city.hotline.support.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's texts: each pass claims the texts due one at a time (a lease, so one replica sends each), looks
 * up whom it goes to, decides whether it goes at all, renders it (issuing the rating link of a resolution text only
 * now) and hands it to the {@link NotificationSender}; the outcome is written under the claim, with the centre's
 * message ids. A sender that dies mid-text leaves its claim to lapse and the text to the next pass: nothing is lost;
 * a text is sent twice only if the process dies between the centre's answer and that write.
 */
@Component
class TextDrain extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(TextDrain.class);

  private final TextRepository texts;
  private final RecipientRepository recipients;
  private final RatingLinksForTexts links;
  private final NotificationSender sender;
  private final SmsTemplates templates;
  private final SmsMetrics metrics;
  private final SmsSettings settings;
  private final Clock clock;

  TextDrain(TextRepository texts, RecipientRepository recipients, RatingLinksForTexts links, NotificationSender sender,
      SmsTemplates templates, SmsMetrics metrics, SmsSettings settings, Clock clock) {
    super("sms-outbox", settings.drainInterval(), "sms outbox cannot be read, texts wait until it can");
    this.texts = texts;
    this.recipients = recipients;
    this.links = links;
    this.sender = sender;
    this.templates = templates;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  /** Every text due now, one after another (a backlog after an outage goes in one pass, not a batch a second). */
  @Override
  protected void runOnce() {
    Optional<Text> claimed;
    while ((claimed = texts.claimNext(clock.instant(), settings.lease())).isPresent()) {
      handle(claimed.get());
    }
    metrics.pending(texts.countUnsent());
  }

  private void handle(Text text) {
    Optional<Recipient> recipient = recipients.find(text.ticketId());
    if (recipient.isEmpty()) {
      await(text, "the registration is not read yet");
      return;
    }
    String mobile = recipient.get().mobile().orElse(null);
    boolean optedOut = mobile != null && recipients.optedOut(MobileNumbers.hash(mobile, settings.optOutKey()));
    Optional<String> refusal = recipient.get().refusal(optedOut);
    if (refusal.isPresent()) {
      end(text, TextState.SKIPPED, refusal.get());
      return;
    }
    Map<String, String> values = new HashMap<>(Map.of(TextKind.TICKET_ID, text.ticketId(),
        TextKind.TRACK_URL, settings.publicUrl() + "/track.html",
        TextKind.ANSWER, SmsTemplates.shorten(text.answer(), settings.answerMaxChars())));
    if (text.kind() == TextKind.RESOLVED) {
      LinkForText link = links.issue(text.ticketId(), text.id());
      if (link.status() == RatingLinksForTexts.Status.NOT_YET) {
        await(text, "the return visit is not open yet");
        return;
      }
      if (link.status() != RatingLinksForTexts.Status.ISSUED) {
        // rated, sent back or answered again before the text went, or an operator gave the citizen a link already
        end(text, TextState.SKIPPED, link.status() == RatingLinksForTexts.Status.GIVEN ? "LINK_GIVEN" : "VISIT_OVER");
        return;
      }
      values.put(TextKind.RATING_LINK, link.url());
    }
    send(text, new OutgoingText(text.ticketId(), text.kind(), mobile, templates.render(text.kind(), values)));
  }

  private void send(Text text, OutgoingText outgoing) {
    try {
      List<String> messageIds = sender.send(outgoing);
      if (texts.sent(text, messageIds, clock.instant())) {
        metrics.sent();
        log.info("sms sent ticketId={} template={} parts={}", text.ticketId(), text.kind().template(), messageIds.size());
      }
    } catch (NotificationSender.SendFailure e) {
      int failures = text.attempts() + 1;
      if (failures >= settings.maxAttempts()) {
        end(text, TextState.FAILED, "send failed " + failures + " times: " + e.getMessage());
      } else if (texts.later(text, clock.instant().plus(settings.backoff(failures)), failures, e.getMessage())) {
        log.warn("sms not taken, trying again ticketId={} template={} attempt={}: {}", text.ticketId(),
            text.kind().template(), failures, e.getMessage());
      }
    }
  }

  /** Waits for what the text needs (the caller, the open visit), up to the wait limit from the text's creation. */
  private void await(Text text, String what) {
    Instant now = clock.instant();
    if (now.isAfter(text.createdAt().plus(settings.waitLimit()))) {
      end(text, TextState.FAILED, "waited " + settings.waitLimit() + " in vain: " + what);
    } else {
      texts.later(text, now.plus(settings.waitRetry()), text.attempts(), "waiting: " + what);
    }
  }

  private void end(Text text, TextState state, String reason) {
    if (!texts.end(text, state, reason)) {
      return;
    }
    if (state == TextState.SKIPPED) {
      metrics.skipped();
      log.info("sms not sent ticketId={} template={} reason={}", text.ticketId(), text.kind().template(), reason);
    } else {
      metrics.failed();
      log.warn("sms given up ticketId={} template={} reason={}", text.ticketId(), text.kind().template(), reason);
    }
  }
}
