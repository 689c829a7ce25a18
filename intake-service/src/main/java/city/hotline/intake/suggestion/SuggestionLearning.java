package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the suggestions learned from intake's own store, alike on every replica: at start it reads every work order
 * closed after a unit's handling (in the background: suggestions answer from what is loaded so far), then every
 * {@code refresh} those whose close was written since its watermark, less the overlap. Reading the store rather than
 * the events means each replica learns from the same work orders, whichever replica wrote them.
 */
@Component
class SuggestionLearning implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SuggestionLearning.class);

  private final ComplaintRepository complaints;
  private final SuggestionSettings settings;
  private final LearnedHistory history = new LearnedHistory();
  private ScheduledExecutorService poller;
  private volatile Instant watermark;
  private volatile boolean loaded;

  SuggestionLearning(ComplaintRepository complaints, SuggestionSettings settings) {
    this.complaints = complaints;
    this.settings = settings;
  }

  LearnedHistory history() {
    return history;
  }

  /** Reads what was closed since the watermark (everything the first time) and learns what is new. */
  void poll() {
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

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) { // the store is away: the next poll tries again from the same watermark
      log.warn("suggestions could not read closed work orders: {}", e.toString());
    }
  }

  @Override
  public void start() {
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "suggestion-learning");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(this::pollQuietly, 0, settings.refresh().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }
}
