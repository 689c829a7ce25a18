package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** 督办: the dispatch desk pressed the unit about an overdue case. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CasePressed(CaseFacts facts, String actor, String note) implements CaseEvent {}
