package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 受理: a call was logged by intake. Carries the request itself, since dispatch never reads intake's store.
 *
 * @param closedDirectly a consultation answered on the phone (直接办结): counted, never dispatched
 * @param answer what the caller was told, when closed directly
 */
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
    String actor,
    boolean closedDirectly,
    String answer) implements CaseEvent {}
