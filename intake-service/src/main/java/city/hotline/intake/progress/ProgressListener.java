package city.hotline.intake.progress;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.support.kafka.EventCodec;
import city.hotline.support.kafka.EventNotYetApplicableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 查询进度: builds each ticket's timeline from dispatch's and feedback's events. A resolving or closing event's
 * category and unit are kept as what the work order was finally handled as, and its close is marked learnable (at
 * the real time of the write, {@link ComplaintRepository}) so the suggestions of every replica learn from it.
 */
@Component
class ProgressListener {
  private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);
  private final EventCodec codec;
  private final ComplaintRepository complaints;

  ProgressListener(EventCodec codec, ComplaintRepository complaints) {
    this.codec = codec;
    this.complaints = complaints;
  }

  @KafkaListener(topics = {"${hotline.topics.dispatch}", "${hotline.topics.feedback}"})
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = codec.decode(record.value());
    ProgressSteps.of(event).ifPresent(step -> {
      CaseFacts facts = ((CaseEvent) event.payload()).facts();
      WorkOrder.Handling handling = new WorkOrder.Handling(facts.unitId(), facts.category());
      if (!complaints.recordStep(event.ticketId(), event.eventId().toString(), step, handling)) {
        // Only possible if intake's database was restored from an older backup: RegistrationReplay is rewriting
        // the work order from intake's own topic. Retried until it is there; dead-lettered if it never comes.
        throw new EventNotYetApplicableException("event " + event.eventType() + " for unknown ticket " + event.ticketId());
      }
      log.info("timeline step ticketId={} status={}", event.ticketId(), step.status());
    });
  }
}
