package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 督办: the dispatch desk pressed the unit about an overdue case, or about any case behind a surge alert.
 *
 * @param alertId the surge alert (突发预警) the press answers, which waives the overdue rule; null for an ordinary
 *     press, and in events written before presses could answer an alert
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CasePressed(CaseFacts facts, String actor, String note, String alertId) implements CaseEvent {

  /** An ordinary press, about an overdue case. */
  public CasePressed(CaseFacts facts, String actor, String note) {
    this(facts, actor, note, null);
  }
}
