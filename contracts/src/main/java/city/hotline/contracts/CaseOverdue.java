package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * 超期: a deadline passed with the case still not claimed (kind CLAIM) or not resolved (kind RESOLVE).
 * Published once per deadline; a deadline moved by an extension or a reopening can be missed again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOverdue(CaseFacts facts, String kind, Instant deadline) implements CaseEvent {
  public static final String CLAIM = "CLAIM";
  public static final String RESOLVE = "RESOLVE";
}
