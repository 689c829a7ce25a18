package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 重办: the citizen was dissatisfied with the answer, so the case goes back to the unit that resolved it.
 *
 * @param reopenCount how many times the case has now been reopened (at most 2, SPEC §2)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReopened(CaseFacts facts, String actor, String comment, int reopenCount) implements CaseEvent {}
