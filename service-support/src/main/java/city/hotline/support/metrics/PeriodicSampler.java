package city.hotline.support.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads a source every interval on a thread of its own and keeps what it read for gauges to show. A
 * sample that fails (the database or Kafka is away) leaves the last values in place and is logged once
 * per outage, not once per interval; the next sample simply tries again.
 */
public abstract class PeriodicSampler implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PeriodicSampler.class);

  private final String name;
  private final Duration interval;
  private volatile ScheduledExecutorService executor;
  private volatile boolean failing;

  protected PeriodicSampler(String name, Duration interval) {
    this.name = name;
    this.interval = interval;
  }

  /** Reads the source and updates the values the gauges show; may throw, the values then stay as they were. */
  protected abstract void sample() throws Exception;

  /** One sample now, on the caller's thread; never throws. */
  public void sampleNow() {
    try {
      sample();
      if (failing) {
        failing = false;
        log.info("{} reads its source again", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!failing) {
        failing = true;
        log.warn("{} cannot read its source, its gauges keep their last values until it can: {}", name, e.toString());
      } else {
        log.debug("{} still cannot read its source: {}", name, e.toString());
      }
    }
  }

  protected Duration interval() {
    return interval;
  }

  @Override
  public void start() {
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(this::sampleNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    executor = started;
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
