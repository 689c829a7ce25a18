package city.hotline.intake.duplicate;

import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** 重复件 after registration: merges a ticket into the earlier open one it repeats; dispatch withdraws its case. */
@Service
class MergeService {
  private static final Logger log = LoggerFactory.getLogger(MergeService.class);
  private final ComplaintRepository complaints;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final String producer;

  MergeService(ComplaintRepository complaints, OutboxRelay outbox, Clock clock, HotlineProperties properties) {
    this.complaints = complaints;
    this.outbox = outbox;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  ComplaintView merge(String ticketId, MergeRequest request, Caller caller) {
    String originalId = request.originalTicketId();
    WorkOrder duplicate = complaints.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket", ticketId));
    if (originalId.equals(duplicate.mergedInto())) {
      return duplicate.view().seenBy(caller); // the same merge again: already done
    }
    WorkOrder original = complaints.find(originalId).orElseThrow(() -> ApiException.invalid(List.of(
        new FieldProblem("originalTicketId", "must be the ticket number of an existing work order"))));
    duplicate.mergeRefusal(original).ifPresent(reason -> {
      throw ApiException.conflict(reason);
    });
    Instant now = clock.instant();
    WorkOrder.Merge merge = duplicate.mergeInto(original, caller.actor(), now);
    EventEnvelope<ComplaintMerged> event = EventEnvelope.of(EventType.COMPLAINT_MERGED, ticketId, producer, now,
        merge.event());
    WorkOrder merged = complaints.merge(merge, outbox.entry(event))
        .orElseThrow(() -> ApiException.conflict(complaints.find(ticketId).orElse(duplicate).mergeRefusal(original)
            .orElse(ticketId + " changed while it was being merged; look it up and try again")));
    outbox.wake(ComplaintRepository.COLLECTION, ticketId);
    log.info("complaint merged ticketId={} originalTicketId={}", ticketId, originalId);
    return merged.view().seenBy(caller);
  }
}
