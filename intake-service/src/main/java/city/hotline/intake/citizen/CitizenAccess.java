package city.hotline.intake.citizen;

import city.hotline.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The citizens' own page needs no account: what proves a ticket is theirs is its number and their phone's digits. */
@Configuration(proxyBeanMethods = false)
class CitizenAccess {
  @Bean
  ApiAccessRules citizenRules() {
    return rules -> rules
        .requestMatchers(HttpMethod.POST, "/api/public/progress", "/api/public/reports").permitAll()
        .requestMatchers(HttpMethod.GET, "/api/public/reference").permitAll();
  }
}
