package city.hotline.dispatch.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desk's rules from application.yml {@code hotline.casework}.
 *
 * @param maxReopenings how often a dissatisfied citizen can send a case back (重办, SPEC §2: twice)
 * @param returnsBeforeConfirm after this many returns (退单) by one unit, sending the case back to it
 *     needs the dispatcher's explicit confirmation
 * @param maxExtension how far beyond now a unit may ask to move its resolve deadline (延期)
 */
@ConfigurationProperties("hotline.casework")
public record CaseworkSettings(int maxReopenings, int returnsBeforeConfirm, Duration maxExtension) {}
