package city.hotline.dispatch.sla;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only admins read or change the calendar through its admin paths (the gateway checks the same). */
@Configuration(proxyBeanMethods = false)
class CalendarAccess {
  @Bean
  ApiAccessRules calendarRules() {
    return rules -> rules.requestMatchers("/api/admin/calendar", "/api/admin/calendar/**").hasRole(Role.ADMIN.name());
  }
}
