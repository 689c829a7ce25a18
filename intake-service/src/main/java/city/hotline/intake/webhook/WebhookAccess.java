package city.hotline.intake.webhook;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only administrators manage partners' webhooks and redeliver parked deliveries (the gateway says so too). */
@Configuration(proxyBeanMethods = false)
class WebhookAccess {
  @Bean
  ApiAccessRules webhookRules() {
    return rules -> rules.requestMatchers("/api/admin/partners/*/webhooks", "/api/admin/partners/*/webhooks/**",
        "/api/admin/partners/webhooks/**").hasRole(Role.ADMIN.name());
  }
}
