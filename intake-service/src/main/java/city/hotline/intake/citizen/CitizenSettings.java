package city.hotline.intake.citizen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The citizens' own page (市民自助): progress by ticket number and the phone's last four digits, and reports from
 * the web.
 *
 * @param enabled whether intake answers the page's endpoints at all
 * @param wrongTries how many wrong tries one ticket number takes in a {@code tryWindow} (unknown numbers count too);
 *     past them every try for that number gets the same 429 until the window ends
 * @param tryWindow the fixed window the tries are counted in
 * @param reportsPerPhone how many web reports one phone may make in a {@code reportsWindow}; past them a 429
 * @param reportsWindow the fixed window the reports are counted in
 * @param phoneKey the secret the phones' counts are keyed by (HMAC), so the store never holds a number
 * @param referenceMaxAge how long a browser or proxy may keep the report form's lists
 * @param webCaller who registers a web report: the name its idempotency keys are kept under ({@code key:web|…})
 * @param webActor how the timeline names the page as the one that registered it
 * @param anonymousName the caller's name on a report that gives none (the name is optional on the web)
 */
@ConfigurationProperties("hotline.citizen")
public record CitizenSettings(boolean enabled, int wrongTries, Duration tryWindow, int reportsPerPhone,
    Duration reportsWindow, String phoneKey, Duration referenceMaxAge, String webCaller,
    String webActor, String anonymousName) {}
