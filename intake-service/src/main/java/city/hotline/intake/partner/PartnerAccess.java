package city.hotline.intake.partner;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only administrators register partners and issue or revoke their keys (the gateway says so too). */
@Configuration(proxyBeanMethods = false)
class PartnerAccess {
  @Bean
  ApiAccessRules partnerRules() {
    return rules -> rules.requestMatchers("/api/admin/partners", "/api/admin/partners/**").hasRole(Role.ADMIN.name());
  }
}
