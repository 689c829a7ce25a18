package city.hotline.feedback.alert;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.feedback.surge.SurgeSettings;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The surge alerts: opened, grown and ended by the surge detection's events, acknowledged by people. */
@Service
class AlertService {
  private static final Logger log = LoggerFactory.getLogger(AlertService.class);
  private final AlertRepository alerts;
  private final Clock clock;
  /** The most calls an alert lists (its first): the surge detection's own limit. */
  private final int maxCalls;

  AlertService(AlertRepository alerts, Clock clock, SurgeSettings surge) {
    this.alerts = alerts;
    this.clock = clock;
    this.maxCalls = surge.maxCalls();
  }

  /**
   * One event of the surge detection. A redelivered one changes nothing. A SurgeGrew or SurgeEnded for an alert
   * never opened is logged and ignored: every event of a surge has its id as key, so its SurgeDetected comes first
   * on the same partition, and one never read means the alerts were reset past it; an alert without its category
   * and district could be neither shown nor acted on, and one opened by a SurgeGrew might never end.
   */
  void apply(EventEnvelope<?> event) {
    if (event.payload() instanceof SurgeDetected detected) {
      if (alerts.insert(Alert.detected(detected, maxCalls))) {
        log.info("surge alert opened surgeId={} category={} district={} count={}", detected.surgeId(),
            detected.category(), detected.district(), detected.count());
      }
    } else if (event.payload() instanceof SurgeGrew grew) {
      warnIfUnknown(grew.surgeId(), event.eventType(), change(grew.surgeId(), a -> a.grew(grew, maxCalls)));
    } else if (event.payload() instanceof SurgeEnded ended) {
      warnIfUnknown(ended.surgeId(), event.eventType(), change(ended.surgeId(), a -> a.ended(ended, maxCalls)));
    }
  }

  /** 确认: the alert as it now is; again is the same answer. */
  Alert acknowledge(String id, Caller caller) {
    return change(id, a -> a.acknowledge(caller.actor(), clock.instant()))
        .orElseThrow(() -> ApiException.notFound("Alert", id));
  }

  /** The alerts in these states, the most recently detected first, at most {@code limit}. */
  List<Alert> list(Collection<AlertState> states, int limit) {
    return alerts.inStates(states, limit);
  }

  /**
   * Decides the change on the alert as stored and writes it while it is still so; when another write came first
   * (the listener and a person at once), decides again on what that wrote.
   *
   * @return the alert as it now is, or empty when there is no such alert
   */
  private Optional<Alert> change(String id, Function<Alert, Optional<Alert>> rule) {
    while (true) {
      Optional<Alert> current = alerts.find(id);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      Optional<Alert> next = rule.apply(current.get());
      if (next.isEmpty()) {
        return current;
      }
      if (alerts.replace(next.get())) {
        return next;
      }
    }
  }

  private static void warnIfUnknown(String surgeId, String eventType, Optional<Alert> alert) {
    if (alert.isEmpty()) {
      log.warn("surge alert unknown, {} ignored surgeId={}", eventType, surgeId);
    }
  }
}
