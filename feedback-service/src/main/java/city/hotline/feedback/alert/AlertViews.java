package city.hotline.feedback.alert;

import city.hotline.feedback.stats.ReferenceNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Makes {@link AlertView}s with the city's names and the surge detection's grid. */
@Component
class AlertViews {
  private final ReferenceNames names;
  private final double cellDegrees;

  AlertViews(ReferenceNames names, @Value("${hotline.surge.cell-degrees}") double cellDegrees) {
    this.names = names;
    this.cellDegrees = cellDegrees;
  }

  AlertView of(Alert alert) {
    return AlertView.of(alert, names, cellDegrees);
  }
}
