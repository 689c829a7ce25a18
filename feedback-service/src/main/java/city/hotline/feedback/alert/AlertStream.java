package city.hotline.feedback.alert;

import city.hotline.support.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This replica's live alert streams (server-sent events). A new stream gets every open and acknowledged alert;
 * then every {@code stream-poll} the replica reads the alerts written since the latest write it saw, less a
 * margin (a write that took long to land, another replica's clock), and sends each change it has not sent yet
 * to every stream, so a change made through any replica reaches every stream. An idle stream gets a comment
 * line every {@code stream-heartbeat}. A stream is dropped when it completes, fails or outlives
 * {@code stream-lifetime}; what is remembered of sent changes is only what the margin may read again.
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
  /** Streams are read, written and sent to under this lock only, so every stream gets its events in order. */
  private final Object lock = new Object();
  private final Set<SseEmitter> streams = new LinkedHashSet<>();
  /** The revision sent of each alert written within the margin before {@link #lastSeen}. */
  private final Map<String, Sent> sent = new HashMap<>();
  /** The latest write time read from the store; the next pass reads from a margin before it. */
  private Instant lastSeen;
  /** When the streams last got a heartbeat. */
  private Instant lastBeat;

  private record Sent(int rev, Instant changedAt) {}

  AlertStream(AlertRepository alerts, AlertSettings settings, AlertViews views, MeterRegistry meters) {
    super("alert-stream", settings.streamPoll(), "alert stream refresh failed, the streams wait for the next pass");
    this.alerts = alerts;
    this.settings = settings;
    this.views = views;
    Gauge.builder("hotline.alerts.streams", this, AlertStream::size)
        .description("Live alert streams open on this replica").register(meters);
  }

  @Override
  public void start() {
    synchronized (lock) {
      lastSeen = writeClock.instant();
      lastBeat = lastSeen;
    }
    super.start();
  }

  /** Every stream ends with the service, so a graceful shutdown does not wait for them. */
  @Override
  public void stop() {
    super.stop();
    synchronized (lock) {
      List.copyOf(streams).forEach(SseEmitter::complete);
      streams.clear();
    }
  }

  /**
   * A new stream: a comment line at once (so the response starts flowing through the gateway, which passes on
   * what it receives, even with no alert to send), the open and acknowledged alerts, then every change.
   */
  SseEmitter open() {
    SseEmitter stream = new SseEmitter(settings.streamLifetime().toMillis());
    stream.onCompletion(() -> drop(stream));
    stream.onError(e -> drop(stream));
    stream.onTimeout(stream::complete);
    synchronized (lock) {
      if (!comment(stream, OPENED)) {
        return stream;
      }
      List<Alert> current = alerts.inStates(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED), settings.listLimit());
      for (int i = current.size() - 1; i >= 0; i--) { // oldest first, as they came
        if (!send(stream, current.get(i))) {
          return stream;
        }
      }
      streams.add(stream);
    }
    return stream;
  }

  @Override
  protected void runOnce() {
    synchronized (lock) {
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
      heartbeat();
    }
  }

  /** How many streams this replica has open. */
  private int size() {
    synchronized (lock) {
      return streams.size();
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

  private void drop(SseEmitter stream) {
    synchronized (lock) {
      streams.remove(stream);
    }
  }
}
