package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 结案: the case is closed after its return visit.
 *
 * @param outcome SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE or NO_RESPONSE
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClosed(CaseFacts facts, String outcome, String actor, String comment) implements CaseEvent {}
