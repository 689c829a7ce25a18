package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * 延期审批: the dispatch desk approved or rejected a unit's extension request.
 *
 * @param resolveDeadline the case's resolve deadline after the decision (moved only when approved)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseExtensionDecided(CaseFacts facts, String actor, boolean approved, Instant resolveDeadline, String note) implements CaseEvent {}
