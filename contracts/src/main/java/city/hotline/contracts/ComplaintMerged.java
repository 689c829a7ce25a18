package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 重复件: after registration, an operator found this ticket repeats an open one and merged it there.
 * Dispatch withdraws the ticket's own case (the original's unit handles both); the figures count a merge.
 *
 * @param originalTicketId the open ticket it now belongs to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintMerged(CaseFacts facts, String originalTicketId, String actor) implements CaseEvent {}
