package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import city.hotline.support.kafka.EventNotYetApplicableException;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 签收 that dispatch's database forgot: after a restore from an older backup, the claims made since are
 * still on dispatch's own topic, acknowledged to the bureau and read by intake and feedback. Each one is put
 * back on its case, as it was made (who, when), without publishing it again. A claim the case already
 * records at that moment (its audit trail), a case no longer waiting for that unit, or a case changed since
 * are left alone, so reading the whole topic again changes nothing on a database that forgot nothing.
 * Claims are what a unit acts on first; the later steps of such a case are not replayed (README).
 */
@Component
class ClaimReplay {
  private static final Logger log = LoggerFactory.getLogger(ClaimReplay.class);

  private final EventCodec codec;
  private final CaseRepository cases;
  private final CaseWrites writes;

  ClaimReplay(EventCodec codec, CaseRepository cases, CaseWrites writes) {
    this.codec = codec;
    this.cases = cases;
    this.writes = writes;
  }

  @KafkaListener(id = "dispatch-claim-replay", topics = "${hotline.topics.dispatch}")
  void on(ConsumerRecord<String, String> record) {
    if (!record.value().contains(EventType.CASE_CLAIMED.wireName())) {
      return; // most of the topic: no need to decode it
    }
    EventEnvelope<?> event = codec.decode(record.value());
    if (event.payload() instanceof CaseClaimed claim) {
      restore(event, claim);
    }
  }

  /** The claim as the case itself makes it, at the claim's time, unpublished, and only on the picture read. */
  private void restore(EventEnvelope<?> event, CaseClaimed claim) {
    String ticketId = event.ticketId();
    Case kase = cases.find(ticketId).orElseThrow(() -> new EventNotYetApplicableException(
        "claim of " + ticketId + " waits for its case, which the registration being replayed recreates"));
    Instant at = event.occurredAt().truncatedTo(ChronoUnit.MILLIS); // as stored
    if (kase.state() != CaseState.DISPATCHED || !claim.facts().unitId().equals(kase.unitId()) || recorded(kase, at)) {
      return;
    }
    writes.applySystem(kase.claim(claim.actor(), at).withoutEvent()
            .guardedBy(Filters.eq(Case.REV, kase.rev())).guardedBy(Filters.eq(Case.UNIT_ID, kase.unitId())))
        .ifPresent(updated -> log.warn("claim restored from dispatch's topic ticketId={} unitId={}", ticketId,
            updated.unitId()));
  }

  /** The case's trail already has this claim: the database never forgot it. */
  private static boolean recorded(Case kase, Instant at) {
    return kase.audit().stream()
        .anyMatch(entry -> CaseAction.CLAIM.name().equals(entry.action()) && at.equals(entry.at()));
  }
}
