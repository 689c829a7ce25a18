package city.hotline.feedback.notification;

import city.hotline.feedback.visit.RatingLinksForTexts;
import city.hotline.feedback.visit.RatingLinksForTexts.LinkForText;
import city.hotline.support.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's texts: each pass claims the texts due one at a time (a lease, so one replica sends each), looks
 * up whom it goes to, decides whether it goes at all, renders it (issuing the rating link of a resolution text only
 * now) and hands it to the {@link NotificationSender}; the outcome is written under the claim, with the centre's
 * message ids. A sender that dies mid-text leaves its claim to lapse and the text to the next pass: nothing is lost;
 * a text is sent twice only if the process dies between the centre's answer and that write. While the centre cannot
 * be reached no text is claimed, and one found unreachable mid-pass goes back without an attempt counted.
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
  /** Held while a text is in hand, so a stop waits for its outcome rather than interrupt a submit under way. */
  private final ReentrantLock inHand = new ReentrantLock();
  private volatile boolean stopping;

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
    countUnsent(); // first too: a pass stuck on a slow centre must not leave the gauges at the last pass's values
    boolean more = true;
    while (more && !stopping && sender.ready()) {
      inHand.lock();
      try {
        Optional<Text> claimed = stopping ? Optional.empty() : texts.claimNext(clock.instant(), settings.lease());
        more = claimed.isPresent() && handle(claimed.get());
      } finally {
        inHand.unlock();
      }
    }
    countUnsent();
  }

  @Override
  public void start() {
    stopping = false;
    super.start();
  }

  /**
   * Takes no further text and waits (at most a lease, the longest a text may be in hand) for the one in hand, so a
   * rolling restart neither interrupts a submit the centre may have taken nor loses its outcome.
   */
  @Override
  public void stop() {
    stopping = true;
    try {
      if (inHand.tryLock(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
        inHand.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    super.stop();
  }

  private void countUnsent() {
    Duration oldest = texts.oldestUnsent().map(at -> Duration.between(at, clock.instant())).orElse(Duration.ZERO);
    metrics.pending(texts.countUnsent(), oldest.isNegative() ? Duration.ZERO : oldest);
  }

  /** @return false when the centre turned out unreachable: the pass ends, the next begins once it is bound again */
  private boolean handle(Text text) {
    try {
      Optional<OutgoingText> outgoing = prepare(text);
      return outgoing.isEmpty() || send(text, outgoing.get());
    } catch (RuntimeException e) { // a bug or bad data in this text: counted as an attempt, so it ends FAILED in time
      failed(text, e.getClass().getSimpleName());
      return true;
    }
  }

  /** The text to send, or empty when it waits or goes to no one (already written). */
  private Optional<OutgoingText> prepare(Text text) {
    Optional<Recipient> recipient = recipients.find(text.ticketId());
    if (recipient.isEmpty()) {
      await(text, "the registration is not read yet");
      return Optional.empty();
    }
    String mobile = recipient.get().mobile().orElse(null);
    boolean optedOut = mobile != null && recipients.optedOut(MobileNumbers.hash(mobile, settings.optOutKey()));
    Optional<String> refusal = recipient.get().refusal(optedOut);
    if (refusal.isPresent()) {
      end(text, TextState.SKIPPED, refusal.get());
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>(Map.of(TextKind.TICKET_ID, text.ticketId(),
        TextKind.TRACK_URL, settings.publicUrl() + "/track.html",
        TextKind.ANSWER, SmsTemplates.shorten(text.answer(), settings.answerMaxChars())));
    TextKind template = text.kind();
    if (text.kind() == TextKind.RESOLVED) {
      LinkForText link = links.issue(text.ticketId(), text.id());
      switch (link.status()) {
        case NOT_YET -> {
          await(text, "the return visit is not open yet");
          return Optional.empty();
        }
        case NO_LONGER -> { // rated, sent back or answered again before the text went
          end(text, TextState.SKIPPED, "VISIT_OVER");
          return Optional.empty();
        }
        case GIVEN -> template = TextKind.RESOLVED_WITHOUT_LINK; // the operator's link stays the one that rates
        case ISSUED -> values.put(TextKind.RATING_LINK, link.url());
      }
    }
    return Optional.of(new OutgoingText(text.ticketId(), template, mobile, templates.render(template, values)));
  }

  /** @return false when the centre could not be reached */
  private boolean send(Text text, OutgoingText outgoing) {
    List<String> messageIds;
    try {
      messageIds = sender.send(outgoing);
    } catch (NotificationSender.CentreUnavailable e) {
      // the centre's outage, not the text's: back without an attempt counted (max-attempts is for refusals)
      texts.later(text, clock.instant().plus(settings.retryBackoff()), text.attempts(), e.getMessage());
      log.info("sms waits for the SMS centre ticketId={} template={}: {}", text.ticketId(), outgoing.kind().template(),
          e.getMessage());
      return false;
    } catch (NotificationSender.SendFailure e) {
      failed(text, e.getMessage());
      return true;
    }
    if (texts.sent(text, messageIds, clock.instant())) {
      done(text);
      metrics.sent();
      log.info("sms sent ticketId={} template={} parts={}", text.ticketId(), outgoing.kind().template(),
          messageIds.size());
    } else {
      // the send outlasted the lease: another sender has the text and may send it again
      metrics.sentLate();
      log.warn("sms sent after its claim lapsed, it may go twice ticketId={} template={} messageIds={}",
          text.ticketId(), outgoing.kind().template(), messageIds);
    }
    return true;
  }

  /** One more failed attempt: tried again after the backoff, or given up after max-attempts. */
  private void failed(Text text, String why) {
    int failures = text.attempts() + 1;
    if (failures >= settings.maxAttempts()) {
      end(text, TextState.FAILED, "send failed " + failures + " times: " + why);
    } else if (texts.later(text, clock.instant().plus(settings.backoff(failures)), failures, why)) {
      log.warn("sms not taken, trying again ticketId={} template={} attempt={}: {}", text.ticketId(),
          text.kind().template(), failures, why);
    }
  }

  /** Waits for what the text needs (the caller, the open visit), up to the wait limit from the text's event. */
  private void await(Text text, String what) {
    Instant now = clock.instant();
    if (now.isAfter(text.createdAt().plus(settings.waitLimit()))) {
      end(text, TextState.FAILED, "waited " + settings.waitLimit() + " in vain: " + what);
    } else {
      texts.later(text, now.plus(settings.waitRetry()), text.attempts(), "waiting: " + what);
    }
  }

  /** The closing text was the case's last: its caller's number is kept no longer. */
  private void done(Text text) {
    if (text.kind() == TextKind.CLOSED) {
      recipients.dropPhone(text.ticketId());
    }
  }

  private void end(Text text, TextState state, String reason) {
    if (!texts.end(text, state, reason, clock.instant())) {
      return;
    }
    done(text);
    if (state == TextState.SKIPPED) {
      metrics.skipped();
      log.info("sms not sent ticketId={} template={} reason={}", text.ticketId(), text.kind().template(), reason);
    } else {
      metrics.failed();
      log.warn("sms given up ticketId={} template={} reason={}", text.ticketId(), text.kind().template(), reason);
    }
  }
}
