package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 结案: the case is closed after its return visit.
 *
 * @param outcome SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE or NO_RESPONSE
 * @param solved whether the citizen said the problem was solved (问题是否解决); null when not asked or not answered,
 *     and in events written before the question was recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClosed(CaseFacts facts, String outcome, String actor, String comment, Boolean solved)
    implements CaseEvent {

  /** A close that records no answer to "is it solved". */
  public CaseClosed(CaseFacts facts, String outcome, String actor, String comment) {
    this(facts, outcome, actor, comment, null);
  }
}
