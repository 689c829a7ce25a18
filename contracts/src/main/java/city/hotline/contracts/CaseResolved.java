package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * 办结: the unit handled the case and replied.
 *
 * @param registeredAt when the call was registered (受理), so the handling time is known from this event alone;
 *     absent in events written before it was added
 * @param returnVisitDeadline when the return visit (回访) times out as NO_RESPONSE: 3 working days after
 *     resolution by dispatch's working calendar; absent in events written before it was added
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseResolved(CaseFacts facts, String actor, String reply, boolean onTime, Instant registeredAt,
    Instant returnVisitDeadline) implements CaseEvent {}
