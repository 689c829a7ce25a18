package city.hotline.gateway.openapi;

import city.hotline.gateway.routing.ServiceUrls;
import city.hotline.gateway.security.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api-docs} (signed-in users): the whole API as the gateway serves it, one OpenAPI 3.1 document merged
 * from the gateway's own operations and each service's description, filtered by the gateway's routes and marked with
 * its authorization rules. The page {@code /api-docs.html} renders it for people.
 */
@RestController
class ApiDocsController {
  private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Where springdoc would publish the gateway's own document (closed to callers by GatewaySecurity). */
  private static final String OWN_DOCS = "/v3/api-docs";

  private record Built(Instant at, ObjectNode contract) {}

  private final ApiDocsSettings settings;
  private final OpenApiWebMvcResource ownDocs;
  private final RouteTable routes;
  private final WhoMayCall doors;
  private final ServiceDocs services;
  private final JsonNode document;
  private final Clock clock;
  private volatile Built built;

  ApiDocsController(ApiDocsSettings settings, OpenApiWebMvcResource ownDocs, List<RouterFunction<?>> routeBeans,
      @Qualifier("gatewayChain") SecurityFilterChain gatewayChain, ServiceUrls urls, Clock clock) {
    this.settings = settings;
    this.ownDocs = ownDocs;
    this.routes = RouteTable.of(routeBeans);
    this.doors = new WhoMayCall(gatewayChain);
    this.services = new ServiceDocs(urls, routes.routes(), settings);
    this.document = read(settings);
    this.clock = clock;
  }

  @Operation(summary = "接口契约 the API contract (OpenAPI 3.1, merged from the gateway and every service)")
  @GetMapping(path = "/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> contract(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      HttpServletRequest request) {
    Built current = built;
    if (current != null && clock.instant().isBefore(current.at().plus(settings.cacheFor()))) {
      return ResponseEntity.ok(current.contract());
    }
    try {
      ObjectNode contract = build(authorization, request);
      built = new Built(clock.instant(), contract);
      return ResponseEntity.ok(contract);
    } catch (ServiceDocs.Unavailable e) {
      log.warn("api contract not built: {}", e.getMessage());
      // the service's name only: the cause's message holds internal addresses (http://intake-service:8081/...)
      return Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
          "接口文档暂不可用：" + e.service + " 未响应 (" + e.service + " did not describe its API); retry later",
          Map.of(HttpHeaders.RETRY_AFTER, Long.toString(settings.timeout().toSeconds())));
    }
  }

  private ObjectNode build(String authorization, HttpServletRequest request) {
    Map<String, JsonNode> serviceDocs = services.read(authorization);
    ContractMerge.Inputs inputs = new ContractMerge.Inputs(document.path("info"), routes::routeFor,
        (method, path) -> doors.access(request, method, path), document.path("examples"), document.path("errors"),
        document.path("parameters"), document.path("created"));
    ObjectNode contract = ContractMerge.merge(inputs, ownDocument(request), serviceDocs);
    log.info("api contract built: {} paths from the gateway and {}", contract.path("paths").size(),
        serviceDocs.keySet());
    return contract;
  }

  private JsonNode ownDocument(HttpServletRequest request) {
    try {
      return JSON.readTree(ownDocs.openapiJson(request, OWN_DOCS, Locale.ROOT));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the gateway's own API description failed", e);
    }
  }

  private static JsonNode read(ApiDocsSettings settings) {
    try (InputStream in = settings.document().getInputStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("hotline.api-docs.document " + settings.document() + " unreadable", e);
    }
  }
}
