package city.hotline.feedback.alert;

import city.hotline.support.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This replica's live alert streams (server-sent events). A new stream gets a comment line at once, then, at the
 * next pass, every open and acknowledged alert; every {@code stream-poll} a pass reads the alerts written since the
 * latest write it saw, less a margin (a write that took long to land, another replica's clock), and sends each
 * change it has not sent yet to every stream, so a change made through any replica reaches every stream. An idle
 * stream gets a comment line every {@code stream-heartbeat}. A stream is dropped when it completes, fails or
 * outlives {@code stream-lifetime}; what is remembered of sent changes is only what the margin may read again.
 *
 * <p>Only the passes (one thread) send to streams once they are open and keep what was sent, so every stream gets
 * its events in order without a lock: a client slow to read holds up that pass only, never a new stream being
 * opened nor the gauge of open streams that the metrics scrape reads.
 */
@Component
class AlertStream extends PeriodicTask {
  private static final String EVENT = "alert";
  private static final String HEARTBEAT = "heartbeat";
  private static final String OPENED = "open";

  private final AlertRepository alerts;
  private final AlertSettings settings;
  private final AlertViews views;
  private final Clock writeClock = Clock.systemUTC();
  /** Opened, waiting for the next pass to send them the current alerts. */
  private final Queue<SseEmitter> joining = new ConcurrentLinkedQueue<>();
  /** Those that have the current alerts and get every change. */
  private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
  /** The revision sent of each alert written within the margin before {@link #lastSeen}; the passes' own. */
  private final Map<String, Sent> sent = new HashMap<>();
  /** The latest write time read from the store; the next pass reads from a margin before it. */
  private Instant lastSeen = writeClock.instant();
  /** When the streams last got a heartbeat. */
  private Instant lastBeat = lastSeen;

  private record Sent(int rev, Instant changedAt) {}

  AlertStream(AlertRepository alerts, AlertSettings settings, AlertViews views, MeterRegistry meters) {
    super("alert-stream", settings.streamPoll(), "alert stream refresh failed, the streams wait for the next pass");
    this.alerts = alerts;
    this.settings = settings;
    this.views = views;
    Gauge.builder("hotline.alerts.streams", this, AlertStream::size)
        .description("Live alert streams open on this replica").register(meters);
  }

  /** Every stream ends with the service, so a graceful shutdown does not wait for them. */
  @Override
  public void stop() {
    super.stop();
    for (SseEmitter stream = joining.poll(); stream != null; stream = joining.poll()) {
      stream.complete();
    }
    List.copyOf(streams).forEach(SseEmitter::complete);
    streams.clear();
  }

  /** A new stream, with the lifetime of every stream. */
  SseEmitter open() {
    return open(new SseEmitter(settings.streamLifetime().toMillis()));
  }

  /**
   * A comment line at once (so the response starts flowing through the gateway, which passes on what it receives,
   * even with no alert to send); the next pass sends the open and acknowledged alerts, then every change.
   */
  SseEmitter open(SseEmitter stream) {
    stream.onCompletion(() -> drop(stream));
    stream.onError(e -> drop(stream));
    stream.onTimeout(stream::complete);
    if (comment(stream, OPENED)) {
      joining.add(stream);
    }
    return stream;
  }

  @Override
  protected void runOnce() {
    Instant latest = lastSeen;
    for (Alert alert : alerts.writtenSince(lastSeen.minus(settings.streamMargin()))) {
      Sent before = sent.get(alert.id());
      if (before == null || before.rev() < alert.rev()) {
        sent.put(alert.id(), new Sent(alert.rev(), alert.changedAt()));
        List.copyOf(streams).forEach(stream -> send(stream, alert));
      }
      if (alert.changedAt().isAfter(latest)) {
        latest = alert.changedAt();
      }
    }
    lastSeen = latest; // only after a complete read: a pass that failed half-way is read again from as before
    Instant forgetBefore = lastSeen.minus(settings.streamMargin());
    sent.values().removeIf(s -> s.changedAt().isBefore(forgetBefore));
    join();
    heartbeat();
  }

  /** The streams opened since the last pass get the current alerts, oldest first as they came; then the changes. */
  private void join() {
    if (joining.isEmpty()) {
      return;
    }
    List<Alert> current = alerts.inStates(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED), settings.listLimit());
    for (SseEmitter stream = joining.poll(); stream != null; stream = joining.poll()) {
      streams.add(stream);
      for (int i = current.size() - 1; i >= 0 && send(stream, current.get(i)); i--) {
        // a stream that is gone is dropped by send
      }
    }
  }

  private void heartbeat() {
    Instant now = writeClock.instant();
    if (!now.isBefore(lastBeat.plus(settings.streamHeartbeat()))) {
      lastBeat = now;
      List.copyOf(streams).forEach(stream -> comment(stream, HEARTBEAT));
    }
  }

  private boolean comment(SseEmitter stream, String text) {
    return send(stream, SseEmitter.event().comment(text));
  }

  private boolean send(SseEmitter stream, Alert alert) {
    return send(stream, SseEmitter.event().name(EVENT).data(views.of(alert), MediaType.APPLICATION_JSON));
  }

  /** @return false when the stream is gone (the client left): it is dropped */
  private boolean send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
    try {
      stream.send(event);
      return true;
    } catch (IOException | IllegalStateException e) {
      drop(stream);
      return false;
    }
  }

  /** How many streams this replica has open: read by the metrics scrape while a pass may be sending. */
  private int size() {
    return joining.size() + streams.size();
  }

  private void drop(SseEmitter stream) {
    joining.remove(stream);
    streams.remove(stream);
  }
}
