package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** 办结: the unit handled the case and replied. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseResolved(CaseFacts facts, String actor, String reply, boolean onTime) implements CaseEvent {}
