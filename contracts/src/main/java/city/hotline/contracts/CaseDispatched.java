package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** 派单: the case was routed to a unit, with its claim and resolve deadlines. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDispatched(
    CaseFacts facts,
    String unitName,
    String ruleId,
    Instant claimDeadline,
    Instant resolveDeadline,
    String actor) implements CaseEvent {}
