package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** 受理: a call was logged by intake. Carries the request itself, since dispatch never reads intake's store. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintRegistered(
    CaseFacts facts,
    String callerName,
    String callerPhone,
    boolean confidential,
    String channel,
    String type,
    String address,
    String description,
    String actor) implements CaseEvent {}
