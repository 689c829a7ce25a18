package city.hotline.gateway.traffic;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one address may send to the paths that answer without a token (the citizens' page, Open311), each budget
 * counted on its own and far stricter than {@code address-requests-per-minute}: a guesser or a script filling in
 * reports stops here, before intake. The ratings paths have none: their 256-bit token cannot be guessed.
 *
 * @param budgets the budgets; a request counts against every one whose method and paths it matches
 */
@ConfigurationProperties("hotline.traffic.public")
public record PublicBudgets(List<Budget> budgets) {

  /**
   * @param name what the budget is called in the metrics and in the refusal
   * @param method the HTTP method it counts
   * @param paths Ant-style path patterns ({@code /open311/**})
   * @param requests how many requests one address may make per window
   * @param window the budget's fixed window: a minute for reads, an hour for reports
   */
  public record Budget(String name, String method, List<String> paths, int requests, Duration window) {}
}
