package city.hotline.dispatch.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {
  @Bean
  WorkingCalendar workingCalendar(CalendarSettings settings) {
    return new WorkingCalendar(settings.zone(),
        settings.workingHours().stream().map(WorkingCalendar.Period::parse).toList(),
        settings.holidays(), settings.makeUpWorkdays());
  }
}
