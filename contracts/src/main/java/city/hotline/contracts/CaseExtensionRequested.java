package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** 延期申请: the unit asks the dispatch desk for a later resolve deadline. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseExtensionRequested(CaseFacts facts, String actor, String reason, Instant requestedDeadline) implements CaseEvent {}
