package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** 签收: the unit took the case on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClaimed(CaseFacts facts, String actor, boolean onTime) implements CaseEvent {}
