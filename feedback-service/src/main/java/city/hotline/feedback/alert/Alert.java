package city.hotline.feedback.alert;

import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.support.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A surge alert (突发预警) for people: one document in {@code alerts} per surge, its id the surge's, read by the
 * driver's record codec. It owns its rules: OPEN → ACKNOWLEDGED → ENDED or OPEN → ENDED; an ended alert keeps who
 * acknowledged it and cannot be acknowledged any more. Each rule returns the alert as it is to be written (one more
 * {@code rev}), or nothing when the event or request changes nothing, so a redelivered event writes nothing;
 * {@link AlertRepository} writes it only while the stored {@code rev} is still the one it was decided on.
 *
 * @param cell the grid cell's id for kind CELL, else null
 * @param count the calls in the latest window reported
 * @param tickets the calls that have been part of the surge, in the order they were reported: the first
 *     {@code hotline.surge.max-calls} of them, so the alert (sent whole to every stream at each change) stays small
 * @param rev 1 when detected, one more with every change
 * @param changedAt when it was last written (the writing machine's clock), for every replica's live streams
 */
public record Alert(
    @BsonId String id,
    String kind,
    String category,
    String district,
    String cell,
    Instant windowStart,
    @BsonProperty(Alert.WINDOW_END) Instant windowEnd,
    long count,
    double baseline,
    double threshold,
    @BsonProperty(Alert.DETECTED_AT) Instant detectedAt,
    @BsonProperty(Alert.STATE) AlertState state,
    List<String> tickets,
    String acknowledgedBy,
    Instant acknowledgedAt,
    Instant endedAt,
    @BsonProperty(Alert.REV) int rev,
    @BsonProperty(Alert.CHANGED_AT) Instant changedAt) {

  static final String ID = "_id";
  static final String WINDOW_END = "windowEnd";
  static final String DETECTED_AT = "detectedAt";
  static final String STATE = "state";
  static final String REV = "rev";
  static final String CHANGED_AT = "changedAt";

  public Alert {
    tickets = tickets == null ? List.of() : List.copyOf(tickets);
  }

  /** A new alert, open, from the surge's first report; listing at most {@code maxCalls} of its calls. */
  static Alert detected(SurgeDetected surge, int maxCalls) {
    return new Alert(surge.surgeId(), surge.kind(), surge.category(), surge.district(), surge.cell(),
        surge.windowStart(), surge.windowEnd(), surge.count(), surge.baseline(), surge.threshold(), surge.detectedAt(),
        AlertState.OPEN, List.of(), null, null, null, 1, null).withTickets(surge.tickets(), maxCalls);
  }

  /**
   * A further call joined the surge: its calls are added, and the window and count follow the latest window
   * (a report of an earlier window, come late, adds its calls only), while it lists fewer than {@code maxCalls}.
   * Nothing once the alert has ended: the end reported every call.
   */
  Optional<Alert> grew(SurgeGrew surge, int maxCalls) {
    if (state == AlertState.ENDED) {
      return Optional.empty();
    }
    boolean later = !surge.windowEnd().isBefore(windowEnd);
    Alert next = new Alert(id, kind, category, district, cell, later ? surge.windowStart() : windowStart,
        later ? surge.windowEnd() : windowEnd, later ? surge.count() : count, baseline, threshold, detectedAt, state,
        joined(surge.tickets(), maxCalls), acknowledgedBy, acknowledgedAt, endedAt, rev + 1, changedAt);
    return next.sameAs(this) ? Optional.empty() : Optional.of(next);
  }

  /** The surge fell back below its line; whoever acknowledged it stays on record. */
  Optional<Alert> ended(SurgeEnded surge, int maxCalls) {
    if (state == AlertState.ENDED) {
      return Optional.empty();
    }
    return Optional.of(new Alert(id, kind, category, district, cell, windowStart, windowEnd, count, baseline,
        threshold, detectedAt, AlertState.ENDED, joined(surge.tickets(), maxCalls), acknowledgedBy, acknowledgedAt,
        surge.endedAt(), rev + 1, changedAt));
  }

  /**
   * 确认: someone takes the alert on. Again is no change (the first one stays on record); an ended alert is a 409.
   */
  Optional<Alert> acknowledge(String by, Instant at) {
    return switch (state) {
      case ACKNOWLEDGED -> Optional.empty();
      case ENDED -> throw ApiException.conflict("Alert " + id + " has ended; there is nothing left to acknowledge");
      case OPEN -> Optional.of(new Alert(id, kind, category, district, cell, windowStart, windowEnd, count, baseline,
          threshold, detectedAt, AlertState.ACKNOWLEDGED, tickets, by, at, endedAt, rev + 1, changedAt));
    };
  }

  /** As written at {@code at}. */
  Alert writtenAt(Instant at) {
    return new Alert(id, kind, category, district, cell, windowStart, windowEnd, count, baseline, threshold,
        detectedAt, state, tickets, acknowledgedBy, acknowledgedAt, endedAt, rev, at);
  }

  private Alert withTickets(List<String> reported, int maxCalls) {
    return new Alert(id, kind, category, district, cell, windowStart, windowEnd, count, baseline, threshold,
        detectedAt, state, joined(reported, maxCalls), acknowledgedBy, acknowledgedAt, endedAt, rev, changedAt);
  }

  /** The calls listed, then those reported that are not, while fewer than {@code maxCalls} are listed. */
  private List<String> joined(List<String> more, int maxCalls) {
    Set<String> all = new LinkedHashSet<>(tickets);
    for (String ticket : more == null ? List.<String>of() : more) {
      if (all.size() >= maxCalls) {
        break;
      }
      all.add(ticket);
    }
    return new ArrayList<>(all);
  }

  /** The same surge facts: only the revision and write time differ. */
  private boolean sameAs(Alert other) {
    return Objects.equals(windowStart, other.windowStart) && Objects.equals(windowEnd, other.windowEnd)
        && count == other.count && tickets.equals(other.tickets);
  }
}
