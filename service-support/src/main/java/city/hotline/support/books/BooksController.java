package city.hotline.support.books;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/books} (ADMIN): this service's ledger, for the gateway's reconciliation. Not
 * routed by the gateway; it calls each service directly. A service may keep several ledgers (feedback:
 * visits and statistics); their entries for one ticket are merged into one.
 */
@RestController
public class BooksController {
  private final List<Ledger> ledgers;
  private final String service;

  BooksController(List<Ledger> ledgers, @Value("${spring.application.name}") String service) {
    this.ledgers = ledgers;
    this.service = service;
  }

  @GetMapping("/api/admin/books")
  Document books() {
    Map<String, Document> entries = new LinkedHashMap<>();
    for (Ledger ledger : ledgers) {
      ledger.forEachEntry(e -> entries.merge(e.getString(Ledger.TICKET), e, (a, b) -> {
        b.forEach((field, value) -> {
          if (value == null) {
            a.putIfAbsent(field, null);
          } else {
            a.merge(field, value, BooksController::sum);
          }
        });
        return a;
      }));
    }
    return new Document("service", service).append("entries", new ArrayList<>(entries.values()));
  }

  /** Two ledgers' values of one field: counts (pending events) add up, anything else is the same fact. */
  private static Object sum(Object a, Object b) {
    return a instanceof Integer x && b instanceof Integer y ? (Object) (x + y) : a;
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  public static class Access {
    @Bean
    ApiAccessRules booksRules() {
      return rules -> rules.requestMatchers("/api/admin/books").hasRole(Role.ADMIN.name());
    }
  }
}
