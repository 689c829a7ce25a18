package city.hotline.dispatch.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Claim (签收) and resolve (办结) time limits per urgency, from application.yml {@code hotline.sla},
 * with overrides for a category or a call type (咨询 has its own row in SPEC §3).
 *
 * @param naturalTime the urgencies whose limits run around the clock (紧急); the others count working time
 * @param overrides limits that replace the defaults for a category or a type; a category's win over a type's
 * @param returnVisit how long after 办结 the return visit (回访) may take, in working time, before the case
 *     closes as NO_RESPONSE (SPEC §2: 3 working days); feedback acts on the deadline dispatch computes
 */
@ConfigurationProperties("hotline.sla")
public record SlaSettings(Set<String> naturalTime, Map<String, Duration> claim, Map<String, Duration> resolve,
    List<Override> overrides, Duration returnVisit) {

  public SlaSettings {
    overrides = overrides == null ? List.of() : overrides;
    returnVisit = returnVisit == null ? Duration.ofDays(3) : returnVisit;
  }

  /** Limits for one category or one type (set exactly one), per urgency; an urgency left out keeps the default. */
  public record Override(String category, String type, Map<String, Duration> claim, Map<String, Duration> resolve) {
    public Override {
      if ((category == null) == (type == null)) {
        throw new IllegalArgumentException("an SLA override names either a category or a type");
      }
      claim = claim == null ? Map.of() : claim;
      resolve = resolve == null ? Map.of() : resolve;
    }
  }

  /** The claim limit for a case: its category's, else its type's, else its urgency's default. */
  Optional<Duration> claimLimit(String urgency, String category, String type) {
    return limit(urgency, category, type, Override::claim, claim);
  }

  Optional<Duration> resolveLimit(String urgency, String category, String type) {
    return limit(urgency, category, type, Override::resolve, resolve);
  }

  private Optional<Duration> limit(String urgency, String category, String type,
      Function<Override, Map<String, Duration>> which, Map<String, Duration> defaults) {
    return overrides.stream().filter(o -> category != null && category.equals(o.category()))
        .map(o -> which.apply(o).get(urgency)).filter(Objects::nonNull).findFirst()
        .or(() -> overrides.stream().filter(o -> type != null && type.equals(o.type()))
            .map(o -> which.apply(o).get(urgency)).filter(Objects::nonNull).findFirst())
        .or(() -> Optional.ofNullable(defaults.get(urgency)));
  }
}
