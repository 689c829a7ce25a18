package city.hotline.intake.duplicate;

import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.TimelineEntry;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps duplicate detection's books from intake's own events, off the registration path: a new open
 * ticket joins the open places; a merged call leaves them and shows on its original as an extra
 * caller. Driven by the events, so a crash between the two writes cannot lose the link.
 */
@Component
class DuplicateLinks {
  private final EventCodec codec;
  private final ComplaintRepository complaints;
  private final OpenPlaces places;

  DuplicateLinks(EventCodec codec, ComplaintRepository complaints, OpenPlaces places) {
    this.codec = codec;
    this.complaints = complaints;
    this.places = places;
  }

  @KafkaListener(id = "intake-duplicates", topics = "${hotline.topics.intake}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof ComplaintRegistered registered) {
      ComplaintView call = complaints.require(event.ticketId());
      if (registered.duplicateOf() != null) {
        link(registered.duplicateOf(), call, event);
      } else if (call.status().isOpen()) {
        places.add(call.ticketId(), OpenPlaces.Place.of(call));
      }
    } else if (event.payload() instanceof ComplaintMerged merged) {
      ComplaintView call = complaints.require(event.ticketId());
      places.forget(call);
      link(merged.originalTicketId(), call, event);
    }
  }

  private void link(String originalId, ComplaintView call, EventEnvelope<?> event) {
    complaints.require(originalId);
    complaints.linkDuplicate(originalId,
        new ComplaintView.DuplicateCall(call.ticketId(), call.registeredAt(), call.callerName(), call.callerPhone(),
            call.confidential()),
        // a note on the original's timeline, not a status change of its own
        new TimelineEntry(event.occurredAt(), null, "system", "重复来电 " + call.ticketId() + " 并入本工单"));
  }
}
