package city.hotline.intake.suggestion;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/complaints/suggestions} (OPERATOR, as every POST under /api/complaints) while the operator types;
 * {@code GET /api/admin/suggestions/evaluation} (ADMIN) replays the history and reports how well they did.
 */
@RestController
class SuggestionController {
  private final SuggestionService service;

  SuggestionController(SuggestionService service) {
    this.service = service;
  }

  @PostMapping("/api/complaints/suggestions")
  Suggestions suggest(@RequestBody SuggestionRequest request) {
    return service.suggest(request);
  }

  @GetMapping("/api/admin/suggestions/evaluation")
  Evaluation evaluation() {
    return service.evaluate();
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {
    @Bean
    ApiAccessRules suggestionAdminRules() {
      return rules -> rules.requestMatchers("/api/admin/suggestions", "/api/admin/suggestions/**")
          .hasRole(Role.ADMIN.name());
    }
  }
}
