package city.hotline.intake.complaint;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** 受理: validates a call, gives it a ticket number, and stores it together with its ComplaintRegistered event. */
@Service
class ComplaintService {
  private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

  private final ComplaintRepository complaints;
  private final TicketSequence tickets;
  private final ReferenceData reference;
  private final Validator validator;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final String producer;

  ComplaintService(ComplaintRepository complaints, TicketSequence tickets, ReferenceData reference,
      Validator validator, OutboxRelay outbox, Clock clock, HotlineProperties properties) {
    this.complaints = complaints;
    this.tickets = tickets;
    this.reference = reference;
    this.validator = validator;
    this.outbox = outbox;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  ComplaintView register(RegistrationRequest request, Caller caller) {
    String actor = caller.actor();
    validate(request);
    String ticketId = tickets.next();
    Instant now = clock.instant();
    ComplaintRegistered payload = new ComplaintRegistered(
        new CaseFacts(request.district(), request.category(), request.urgency().name(), null),
        request.callerName(), request.callerPhone(), request.confidential(),
        request.channelOrDefault().name(), request.typeOrDefault().name(),
        request.address(), request.description(), actor);
    EventEnvelope<ComplaintRegistered> event =
        EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, producer, now, payload);
    Document entry = outbox.entry(event);
    complaints.insert(ComplaintRepository.newComplaint(ticketId, request, now, actor, entry));
    outbox.wake(ComplaintRepository.COLLECTION, ticketId);
    log.info("complaint registered ticketId={} district={} category={} urgency={}",
        ticketId, request.district(), request.category(), request.urgency());
    return find(ticketId, caller);
  }

  ComplaintView find(String ticketId, Caller caller) {
    return complaints.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket", ticketId)).seenBy(caller);
  }

  /** Every broken rule at once, so the operator fixes the form in one go; nothing is stored. */
  private void validate(RegistrationRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    validator.validate(request).forEach(v -> errors.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
    if (request.district() != null && !request.district().isBlank() && !reference.isDistrict(request.district())) {
      errors.add(new FieldProblem("district", "must be one of the codes listed by /api/reference/districts"));
    }
    if (request.category() != null && !request.category().isBlank() && !reference.isCategory(request.category())) {
      errors.add(new FieldProblem("category", "must be one of the codes listed by /api/reference/categories"));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldProblem::field));
      throw ApiException.invalid(errors);
    }
  }
}
