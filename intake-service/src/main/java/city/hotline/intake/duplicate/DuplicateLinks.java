package city.hotline.intake.duplicate;

import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A merged call shows on its original as an extra caller, from intake's own events and off the registration path.
 * Driven by the events, so a crash between the merge and the link cannot lose the link.
 */
@Component
class DuplicateLinks {
  private final EventCodec codec;
  private final ComplaintRepository complaints;

  DuplicateLinks(EventCodec codec, ComplaintRepository complaints) {
    this.codec = codec;
    this.complaints = complaints;
  }

  @KafkaListener(id = "intake-duplicates", topics = "${hotline.topics.intake}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof ComplaintRegistered registered && registered.duplicateOf() != null) {
      link(registered.duplicateOf(), event);
    } else if (event.payload() instanceof ComplaintMerged merged) {
      link(merged.originalTicketId(), event);
    }
  }

  private void link(String originalId, EventEnvelope<?> event) {
    WorkOrder call = complaints.require(event.ticketId());
    complaints.require(originalId).link(call.asExtraCaller(), event.occurredAt()).ifPresent(complaints::link);
  }
}
