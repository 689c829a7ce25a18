package city.hotline.feedback.alert;

import city.hotline.feedback.stats.ReferenceNames;
import city.hotline.feedback.surge.SurgeSettings;
import org.springframework.stereotype.Component;

/** Makes {@link AlertView}s with the city's names and the surge detection's grid. */
@Component
class AlertViews {
  private final ReferenceNames names;
  private final double cellDegrees;

  AlertViews(ReferenceNames names, SurgeSettings surge) {
    this.names = names;
    this.cellDegrees = surge.cellDegrees();
  }

  AlertView of(Alert alert) {
    return AlertView.of(alert, names, cellDegrees);
  }
}
