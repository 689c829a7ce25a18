package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.support.PeriodicTask;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the suggestions learned from intake's own store, alike on every replica: at start it reads every work order
 * closed after a unit's handling (in the background: suggestions answer from what is loaded so far), then every
 * {@code refresh} those whose close was written since its watermark, less the overlap. Reading the store rather than
 * the events means each replica learns from the same work orders, whichever replica wrote them.
 */
@Component
class SuggestionLearning extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(SuggestionLearning.class);

  private final ComplaintRepository complaints;
  private final SuggestionSettings settings;
  private final LearnedHistory history = new LearnedHistory();
  private volatile Instant watermark;
  private volatile boolean loaded;

  SuggestionLearning(ComplaintRepository complaints, SuggestionSettings settings) {
    super("suggestion-learning", settings.refresh(), "suggestions could not read closed work orders");
    this.complaints = complaints;
    this.settings = settings;
  }

  LearnedHistory history() {
    return history;
  }

  /**
   * Reads what was closed since the watermark (everything the first time) and learns what is new. While the store is
   * away the next pass tries again from the same watermark.
   */
  @Override
  protected void runOnce() {
    Instant from = watermark == null ? null : watermark.minus(settings.overlap());
    int[] learned = {0};
    complaints.forEachLearnable(from, call -> {
      if (history.learn(call)) {
        learned[0]++;
      }
      advance(call);
    });
    if (!loaded) {
      loaded = true;
      log.info("suggestions learned from the history workOrders={}", history.size());
    } else if (learned[0] > 0) {
      log.debug("suggestions learned workOrders={} total={}", learned[0], history.size());
    }
  }

  private void advance(LearnableCall call) {
    if (watermark == null || call.learnableAt().isAfter(watermark)) {
      watermark = call.learnableAt();
    }
  }
}
