package city.hotline.feedback.stats;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The leadership's figures are for leaders (领导, 督办室); the surge alerts (突发预警) also for the dispatch desk,
 * which merges the calls behind one and presses their units.
 */
@Configuration(proxyBeanMethods = false)
class DashboardAccess {
  private static final String[] ALERT_READERS = {Role.LEADER.name(), Role.DISPATCHER.name()};

  @Bean
  ApiAccessRules dashboardRules() {
    return rules -> rules
        .requestMatchers(HttpMethod.GET, "/api/dashboard/alerts", "/api/dashboard/alerts/stream")
        .hasAnyRole(ALERT_READERS)
        .requestMatchers(HttpMethod.POST, "/api/dashboard/alerts/*/acknowledge").hasAnyRole(ALERT_READERS)
        .requestMatchers("/api/dashboard", "/api/dashboard/**").hasRole(Role.LEADER.name());
  }
}
