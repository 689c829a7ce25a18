package city.hotline.feedback.alert;

import city.hotline.feedback.stats.ReferenceNames;
import city.hotline.feedback.surge.SurgeSettings;
import org.springframework.stereotype.Component;

/** Makes {@link AlertView}s with the city's names, the surge detection's grid and its limit of calls listed. */
@Component
class AlertViews {
  private final ReferenceNames names;
  private final double cellDegrees;
  private final int ticketLimit;

  AlertViews(ReferenceNames names, SurgeSettings surge) {
    this.names = names;
    this.cellDegrees = surge.cellDegrees();
    this.ticketLimit = surge.maxCalls();
  }

  AlertView of(Alert alert) {
    return AlertView.of(alert, names, cellDegrees, ticketLimit);
  }
}
