package city.hotline.intake.complaint;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param zone the time zone whose calendar day a ticket number carries */
@ConfigurationProperties("hotline.tickets")
public record TicketSettings(String prefix, ZoneId zone) {}
