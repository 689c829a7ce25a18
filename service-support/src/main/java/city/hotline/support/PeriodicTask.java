package city.hotline.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Does one pass of some work every interval (fixed delay) on a daemon thread of its own, from start to stop. A pass
 * that fails (the database or Kafka is away) leaves what the last pass did in place and is logged once per outage,
 * not once per interval, under the subclass's logger; the next pass simply tries again.
 */
public abstract class PeriodicTask implements SmartLifecycle {
  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Duration interval;
  private final String failure;
  /** Not {@code this}: a subclass may hold its own monitor through a pass that stop() must be able to interrupt. */
  private final Object lock = new Object();
  private ScheduledExecutorService executor;
  private volatile boolean failing;

  /**
   * @param name the thread's name
   * @param failure what a failed pass means, for the log, e.g. "working calendar refresh failed, keeping the
   *     calendar in force"
   */
  protected PeriodicTask(String name, Duration interval, String failure) {
    this.name = name;
    this.interval = interval;
    this.failure = failure;
  }

  /** One pass; may throw, what earlier passes did then stays as it was. */
  protected abstract void runOnce() throws Exception;

  /** One pass now, on the caller's thread; never throws. */
  public void runNow() {
    try {
      runOnce();
      if (failing) {
        failing = false;
        log.info("{} works again", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!failing) {
        failing = true;
        log.warn("{}, trying again every {} (logged once until it works again): {}", failure, interval, e.toString());
      } else {
        log.debug("{} still: {}", failure, e.toString());
      }
    }
  }

  protected Duration interval() {
    return interval;
  }

  /** Starts the passes at once on the task's thread; a subclass may first do work of its own and call {@link #startAfter}. */
  @Override
  public void start() {
    startAfter(Duration.ZERO);
  }

  /** Starts the passes, the first after the given delay. */
  protected void startAfter(Duration firstDelay) {
    synchronized (lock) {
      if (executor != null) {
        return;
      }
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
      });
      executor.scheduleWithFixedDelay(this::runNow, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the passes, interrupting one under way. */
  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (lock) {
      running = executor;
      executor = null;
    }
    if (running != null) {
      running.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return executor != null;
    }
  }
}
