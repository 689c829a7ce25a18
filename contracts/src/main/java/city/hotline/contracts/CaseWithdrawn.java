package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Dispatch took the case out of its unit's (or the desk's) hands because intake merged the ticket into
 * another (重复件); the original's unit handles both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseWithdrawn(CaseFacts facts, String actor, String originalTicketId) implements CaseEvent {}
