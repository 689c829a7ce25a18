package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * 派单: the case was routed to a unit, with its claim and resolve deadlines.
 *
 * @param cause ROUTED by a rule, MANUAL by a dispatcher, or REOPENED after a dissatisfied return visit;
 *     absent (read as ROUTED) in events written before it was added
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDispatched(
    CaseFacts facts,
    String unitName,
    String ruleId,
    Instant claimDeadline,
    Instant resolveDeadline,
    String actor,
    String cause) implements CaseEvent {
  public static final String ROUTED = "ROUTED";
  public static final String MANUAL = "MANUAL";
  public static final String REOPENED = "REOPENED";
}
