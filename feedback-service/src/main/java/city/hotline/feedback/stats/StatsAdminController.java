package city.hotline.feedback.stats;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 重建统计: an administrator recomputes the statistics from the topics (after a fix, or to check them). */
@RestController
@RequestMapping("/api/admin/stats")
class StatsAdminController {
  private final StatsRebuild rebuild;
  private final StatsProgress progress;
  private final StatsCheck check;

  StatsAdminController(StatsRebuild rebuild, StatsProgress progress, StatsCheck check) {
    this.rebuild = rebuild;
    this.progress = progress;
    this.check = check;
  }

  /** 核对: the dashboard's counters against a recount of every ticket's marks (the reconciliation asks it). */
  @GetMapping("/check")
  Document check() {
    return check.check();
  }

  @PostMapping("/rebuild")
  ResponseEntity<Document> start() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start(Caller.current().actor()));
  }

  @GetMapping("/rebuild")
  Document status() {
    return rebuild.status(progress.settled());
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Access {
    @Bean
    ApiAccessRules statsAdminRules() {
      return rules -> rules.requestMatchers("/api/admin/stats", "/api/admin/stats/**").hasRole(Role.ADMIN.name());
    }
  }
}
