package city.hotline.dispatch.sla;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-time calendar from application.yml {@code hotline.calendar}: zone, working periods,
 * public holidays and make-up working days (调休) as published by the State Council each year.
 */
@ConfigurationProperties("hotline.calendar")
public record CalendarSettings(ZoneId zone, List<String> workingHours, Set<LocalDate> holidays,
    Set<LocalDate> makeUpWorkdays) {}
