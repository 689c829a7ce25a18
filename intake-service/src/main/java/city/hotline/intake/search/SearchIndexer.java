package city.hotline.intake.search;

import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Indexes each work order for search from intake's own events, so registration itself writes no
 * index entries. Status changes from the other services are indexed by the progress listener.
 */
@Component
class SearchIndexer {
  private final EventCodec codec;
  private final ComplaintRepository complaints;
  private final SearchIndex index;

  SearchIndexer(EventCodec codec, ComplaintRepository complaints, SearchIndex index) {
    this.codec = codec;
    this.complaints = complaints;
    this.index = index;
  }

  @KafkaListener(id = "intake-search", topics = "${hotline.topics.intake}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof ComplaintRegistered) {
      index.addFacets(complaints.require(event.ticketId()));
      index.syncStatus(event.ticketId());
    } else if (event.payload() instanceof ComplaintMerged) {
      index.syncStatus(event.ticketId());
    }
  }
}
