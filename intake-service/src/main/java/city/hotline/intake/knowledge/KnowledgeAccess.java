package city.hotline.intake.knowledge;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * 知识库: editors write articles and decide proposals, bureaus propose, editors and bureaus list proposals; anyone
 * signed in searches and reads (what a non-editor may see is decided with the data, in {@link KnowledgeService}).
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeAccess {
  @Bean
  ApiAccessRules knowledgeRules() {
    String editor = Role.KNOWLEDGE_EDITOR.name();
    return rules -> rules
        .requestMatchers(HttpMethod.POST, "/api/knowledge/proposals").hasRole(Role.BUREAU.name())
        .requestMatchers(HttpMethod.POST, "/api/knowledge/proposals/*/accept", "/api/knowledge/proposals/*/reject")
        .hasRole(editor)
        .requestMatchers(HttpMethod.GET, "/api/knowledge/proposals").hasAnyRole(editor, Role.BUREAU.name())
        .requestMatchers(HttpMethod.POST, "/api/knowledge/articles", "/api/knowledge/articles/**").hasRole(editor)
        .requestMatchers(HttpMethod.PUT, "/api/knowledge/articles/**").hasRole(editor);
  }
}
