package city.hotline.feedback.stats;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the leadership counts (SPEC §5), and which events count towards which figure. A figure counts
 * each ticket once: in the cell (day × district × unit × category × urgency) of the earliest event that
 * moves it. Some figures are attributes of another one's event — claimed on time is a property of the
 * claim that counts — so they always move with it.
 */
public enum Metric {
  RECEIVED, // 受理量
  CLOSED_DIRECTLY, // 直接办结: consultations answered on the phone
  CONSULTATIONS, // 咨询量: calls registered as consultations (type CONSULTATION)
  ANSWERED_FROM_KNOWLEDGE, // 知识库解答: a consultation closed on the phone citing a knowledge article (attribute of CONSULTATIONS)
  MERGED, // 重复件: calls merged into an open ticket, at registration or after
  DISPATCHED, // 派单量
  CLAIMED, // 签收
  CLAIMED_ON_TIME, // 按时签收 (attribute of CLAIMED)
  RESOLVED, // 办结
  RESOLVED_ON_TIME, // 按时办结 (attribute of RESOLVED)
  CLOSED, // 结案
  RATED, // a SATISFIED, BASICALLY_SATISFIED or DISSATISFIED verdict (attribute of CLOSED); UNREACHABLE and NO_RESPONSE are not ratings
  CONTENT, // SATISFIED or BASICALLY_SATISFIED (attribute of CLOSED)
  SOLVED, // 已解决: a rating whose citizen said the problem was solved (attribute of CLOSED, always among the SOLVED_ANSWERED)
  SOLVED_ANSWERED, // a rating whose citizen answered 问题是否解决 at all, yes or no (attribute of CLOSED, always among the RATED)
  RETURNED, // 退单: returned by a unit at least once
  OVERDUE, // 超期: missed its claim or resolve deadline
  REOPENED; // 重办: sent back to its unit after a dissatisfied return visit

  private static final Set<String> RATINGS = Set.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
  private static final Set<String> CONTENT_RATINGS = Set.of("SATISFIED", "BASICALLY_SATISFIED");
  /** The registration type of a consultation (咨询). */
  static final String CONSULTATION = "CONSULTATION";
  private static final Map<Metric, Set<Metric>> ATTRIBUTES = Map.of(
      CONSULTATIONS, EnumSet.of(ANSWERED_FROM_KNOWLEDGE),
      CLAIMED, EnumSet.of(CLAIMED_ON_TIME),
      RESOLVED, EnumSet.of(RESOLVED_ON_TIME),
      CLOSED, EnumSet.of(RATED, CONTENT, SOLVED, SOLVED_ANSWERED));

  /** The attributes that travel with this figure's counting event. */
  Set<Metric> attributes() {
    return ATTRIBUTES.getOrDefault(this, Set.of());
  }

  /** The figures one event may count, each with the attributes this event gives it. */
  public static List<Placement> placements(EventEnvelope<?> event) {
    List<Placement> placements = new ArrayList<>();
    Object payload = event.payload();
    if (payload instanceof ComplaintRegistered registered) {
      placements.add(Placement.of(RECEIVED));
      if (CONSULTATION.equals(registered.type())) {
        placements.add(consultation(registered));
      }
      if (registered.closedDirectly()) {
        placements.add(Placement.of(CLOSED_DIRECTLY));
        placements.add(new Placement(CLOSED, Set.of(), null, "CLOSED_DIRECTLY"));
      }
      if (registered.duplicateOf() != null) {
        placements.add(Placement.of(MERGED));
      }
    } else if (payload instanceof ComplaintMerged) {
      placements.add(Placement.of(MERGED));
    } else if (payload instanceof CaseDispatched) {
      placements.add(Placement.of(DISPATCHED));
    } else if (payload instanceof CaseClaimed claimed) {
      placements.add(new Placement(CLAIMED, claimed.onTime() ? Set.of(CLAIMED_ON_TIME) : Set.of(), null, null));
    } else if (payload instanceof CaseResolved resolved) {
      Long seconds = resolved.registeredAt() == null ? null
          : Math.max(0, Duration.between(resolved.registeredAt(), event.occurredAt()).toSeconds());
      placements.add(new Placement(RESOLVED, resolved.onTime() ? Set.of(RESOLVED_ON_TIME) : Set.of(), seconds, null));
    } else if (payload instanceof CaseReturned) {
      placements.add(Placement.of(RETURNED));
    } else if (payload instanceof CaseOverdue) {
      placements.add(Placement.of(OVERDUE));
    } else if (payload instanceof CaseReopened) {
      placements.add(Placement.of(REOPENED));
    } else if (payload instanceof CaseClosed closed) {
      Set<Metric> attributes = EnumSet.noneOf(Metric.class);
      if (RATINGS.contains(closed.outcome())) {
        attributes.add(RATED);
        if (closed.solved() != null) { // 问题是否解决 is optional: 解决率 counts only those who answered it
          attributes.add(SOLVED_ANSWERED);
          if (closed.solved()) {
            attributes.add(SOLVED);
          }
        }
      }
      if (CONTENT_RATINGS.contains(closed.outcome())) {
        attributes.add(CONTENT);
      }
      placements.add(new Placement(CLOSED, attributes, null, closed.outcome()));
    }
    return placements;
  }

  /**
   * A consultation, answered from the knowledge base when it was closed on the phone citing an article: an
   * attribute of the consultation's own count, so the answered are always among the consultations.
   */
  private static Placement consultation(ComplaintRegistered registered) {
    String article = registered.closedDirectly() ? registered.knowledgeArticleId() : null;
    return article == null ? Placement.of(CONSULTATIONS)
        : new Placement(CONSULTATIONS, Set.of(ANSWERED_FROM_KNOWLEDGE), null, article);
  }

  /** The field of a statistics cell that holds the tickets counted for this figure. */
  String field() {
    return name().toLowerCase();
  }

  /**
   * One figure an event counts.
   *
   * @param attributes the attribute figures this event gives it (claimed on time, rated, …)
   * @param handlingSeconds for a resolution: from registration (受理) to resolution (办结), when known
   * @param outcome for a close: how the case ended (SATISFIED, NO_RESPONSE, CLOSED_DIRECTLY, …); for a consultation
   *     answered from the knowledge base: the article's id
   */
  public record Placement(Metric metric, Set<Metric> attributes, Long handlingSeconds, String outcome) {
    static Placement of(Metric metric) {
      return new Placement(metric, Set.of(), null, null);
    }
  }
}
