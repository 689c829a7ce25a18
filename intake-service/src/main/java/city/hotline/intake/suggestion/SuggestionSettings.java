package city.hotline.intake.suggestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gazetteer where the 地名库 is read from (a Spring resource: classpath:… or file:…)
 * @param refresh how often every replica polls the store for work orders closed since it last looked
 * @param overlap how far back before its watermark a poll reads again: a close written a little earlier than one
 *     already seen (another replica's clock, a slow write) is still learned; each work order is learned once
 */
@ConfigurationProperties("hotline.suggestions")
public record SuggestionSettings(String gazetteer, Duration refresh, Duration overlap) {}
