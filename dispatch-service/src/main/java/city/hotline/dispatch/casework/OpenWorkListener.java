package city.hotline.dispatch.casework;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the queues in step with the cases from dispatch's own events: every change that moves a case
 * between queues publishes one, one ticket's events arrive in order, and each places the case as it is
 * now, so a crash between a case write and its queue update is repaired by the event.
 */
@Component
class OpenWorkListener {
  private final CaseRepository cases;
  private final OpenWork openWork;

  OpenWorkListener(CaseRepository cases, OpenWork openWork) {    this.cases = cases;
    this.openWork = openWork;
  }

  @KafkaListener(id = "dispatch-open-work", topics = "${hotline.topics.dispatch}")
  void on(ConsumerRecord<String, String> record) {
    // Only the ticket matters: the case is placed as it is now, so even an event of a type this
    // replica does not know yet (a rolling upgrade) still moves the case where it belongs.
    cases.find(record.key()).ifPresent(openWork::place);
  }
}
