package city.hotline.gateway.reconciliation;

import city.hotline.gateway.reconciliation.Reconciliation.Discrepancy;
import city.hotline.gateway.routing.ServiceUrls;
import city.hotline.gateway.security.Problems;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/admin/reconciliation} (ADMIN, as all of /api/admin): reads the three services' books
 * with the caller's token and the statistics' own recount, and lists every ticket whose books disagree.
 * The gateway is the one caller of every service, so it is where the books meet; no store is read but
 * through its service.
 */
@RestController
class ReconciliationController {
  private static final Logger log = LoggerFactory.getLogger(ReconciliationController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ServiceUrls urls;
  private final RestClient http;
  private final Clock clock;

  ReconciliationController(ServiceUrls urls, Clock clock,
      @Value("${hotline.reconciliation.timeout}") Duration timeout) {
    this.urls = urls;
    this.clock = clock;
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(timeout);
    this.http = RestClient.builder().requestFactory(requests).build();
  }

  @GetMapping("/api/admin/reconciliation")
  ResponseEntity<?> reconcile(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    String service = "intake-service";
    try {
      JsonNode intake = read(urls.intakeUrl(), "/api/admin/books", authorization);
      service = "dispatch-service";
      JsonNode dispatch = read(urls.dispatchUrl(), "/api/admin/books", authorization);
      service = "feedback-service";
      JsonNode feedback = read(urls.feedbackUrl(), "/api/admin/books", authorization);
      JsonNode statistics = read(urls.feedbackUrl(), "/api/admin/stats/check", authorization);
      Books books = LedgerReader.books(intake, dispatch, feedback);
      var discrepancies = Reconciliation.check(books);
      log.info("reconciliation: {} tickets, {} discrepancies, {} statistics differences",
          LedgerReader.ticketCount(books), discrepancies.size(), statistics.path("differences").size());
      return ResponseEntity.ok(Map.of(
          "checkedAt", clock.instant().toString(),
          "tickets", LedgerReader.ticketCount(books),
          "discrepancies", discrepancies.stream().map(ReconciliationController::view).toList(),
          "statisticsSettled", statistics.path("settled").asBoolean(),
          "statistics", statistics.path("differences")));
    } catch (RestClientException e) {
      log.warn("reconciliation: {} did not answer: {}", service, e.toString());
      return Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
          service + " did not give its books (" + e.getMessage() + "); retry when it is back", Map.of());
    }
  }

  private JsonNode read(URI base, String path, String authorization) {
    String body = http.get().uri(base.resolve(path)).header(HttpHeaders.AUTHORIZATION, authorization)
        .retrieve().body(String.class);
    return JSON.readTree(body);
  }

  private static Map<String, String> view(Discrepancy d) {
    return Map.of("ticketId", d.ticketId(), "rule", d.rule(), "detail", d.detail());
  }
}
