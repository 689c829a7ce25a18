package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** 待人工派单: no routing rule matched; the case waits on the dispatcher desk. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAwaitingManualDispatch(CaseFacts facts, String reason) implements CaseEvent {}
