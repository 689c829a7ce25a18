package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 退单: the unit sent the case back to the dispatch desk.
 *
 * @param facts the case's dimensions with the unit that returned it
 * @param reason one of the desk's return reasons (NOT_OUR_DISTRICT, NOT_OUR_RESPONSIBILITY, …)
 * @param returnCount how many times this unit has now returned this case
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReturned(CaseFacts facts, String actor, String reason, String note, int returnCount) implements CaseEvent {}
