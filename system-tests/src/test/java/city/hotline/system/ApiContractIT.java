package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract (GET /api-docs) against what the running system really serves: every operation it names is a
 * handler of the service it names (or of the gateway) on a path the gateway routes there, and every handler the
 * gateway's routes lead to is in it. What is served is read from each process's own handler mappings (the actuator's
 * {@code mappings}), and the routes from the gateway's, independently of how the contract was built.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String GATEWAY = "gateway";
  private static final Duration FIRST_BUILD = Duration.ofMinutes(2);
  /** The framework's own handlers in the gateway, closed to every caller: not part of the API. */
  private static final List<String> FRAMEWORK_PATHS = List.of("/error", "/v3/api-docs");

  private Settings settings;
  private HttpJson operator;
  private JsonNode contract;
  private Map<String, Served> served;
  private List<Route> routes;

  @BeforeAll
  void readContractAndMappings() {
    settings = RunningSystem.get();
    HttpJson gateway = new HttpJson(settings.gatewayUrl());
    Reply login = gateway.post("/api/auth/login", Map.of("username", "operator", "password", Chromium.DEMO_PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    String token = login.body().path("token").asString();
    operator = gateway.withToken(token);
    // Each process builds its description on the first request: on a busy machine the first call may outlast the
    // client's patience, while the gateway goes on and keeps the contract it built for the next one.
    contract = await().atMost(FIRST_BUILD).ignoreExceptions().until(() -> operator.get("/api-docs"),
        reply -> reply.status() == 200).body();
    write(settings.repoRoot().resolve("system-tests/target/api-contract.json"), contract.toPrettyString());

    JsonNode gatewayMappings = mappings(new HttpJson(settings.gatewayManagementUrl()));
    routes = Route.of(gatewayMappings);
    served = new LinkedHashMap<>();
    served.put(GATEWAY, Served.of(gatewayMappings));
    Map.of("intake", settings.intakeUrl(), "dispatch", settings.dispatchUrl(), "feedback", settings.feedbackUrl())
        .forEach((service, url) -> served.put(service, Served.of(mappings(new HttpJson(url).withToken(token)))));
  }

  @Test
  void everyOperationOfTheContractIsServedWhereTheGatewaySendsIt() {
    List<String> unserved = new ArrayList<>();
    for (Operation op : operations()) {
      boolean routed = routes.stream().anyMatch(r -> r.matches(Served.sample(op.path())));
      boolean here = served.get(op.service()).serves(op.method(), op.path());
      if (!here || routed == GATEWAY.equals(op.service())) {
        unserved.add(op + (here ? " (routing disagrees)" : " (no such handler)"));
      }
    }
    assertThat(unserved).as("operations the contract names that nobody serves there").isEmpty();
  }

  @Test
  void everyHandlerTheGatewayLeadsToIsInTheContract() {
    Set<String> documented = new LinkedHashSet<>();
    operations().forEach(op -> documented.add(op.method() + " " + Served.normalize(op.path())));
    List<String> missing = new ArrayList<>();
    served.forEach((service, handlers) -> handlers.each((method, pattern) -> {
      boolean routed = routes.stream().anyMatch(r -> r.matches(Served.sample(pattern)));
      boolean api = GATEWAY.equals(service) ? !routed && FRAMEWORK_PATHS.stream().noneMatch(pattern::startsWith)
          : routed;
      String path = Served.normalize(pattern);
      boolean inContract = "*".equals(method) ? documented.stream().anyMatch(d -> d.endsWith(" " + path))
          : documented.contains(method + " " + path);
      if (api && !inContract) {
        missing.add(service + ": " + method + " " + pattern);
      }
    }));
    assertThat(missing).as("handlers reached through the gateway that the contract leaves out").isEmpty();
  }

  @Test
  void everyRouteOfTheGatewayLeadsToOperationsOfTheContract() {
    List<String> paths = operations().stream().map(op -> Served.sample(op.path())).toList();
    List<String> empty = new ArrayList<>();
    for (Route route : routes) {
      for (String pattern : route.includes()) {
        var parsed = PathPatternParser.defaultInstance.parse(pattern);
        if (paths.stream().noneMatch(p -> parsed.matches(PathContainer.parsePath(p)))) {
          empty.add(pattern);
        }
      }
    }
    assertThat(empty).as("routes that lead to nothing the contract names").isEmpty();
  }

  @Test
  void theContractIsOpenApi31ForSignedInUsersWithRolesErrorsAndExamples() {
    assertThat(contract.path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(new HttpJson(settings.gatewayUrl()).get("/api-docs").status()).isEqualTo(401);
    assertThat(operator.get("/v3/api-docs").status()).as("the services' own, not routed").isEqualTo(403);
    JsonNode paths = contract.path("paths");
    assertThat(paths.at("/~1api~1complaints/post/x-roles").toString()).isEqualTo("[\"OPERATOR\"]");
    assertThat(paths.at("/~1api~1cases~1{ticketId}~1claim/post/x-roles").toString()).isEqualTo("[\"BUREAU\"]");
    assertThat(paths.at("/~1api~1auth~1login/post/x-public").asBoolean()).isTrue();
    assertThat(paths.at("/~1api~1complaints~1{ticketId}/get/responses/404/$ref").asString())
        .isEqualTo("#/components/responses/NotFound");

    assertThat(paths.at("/~1api~1complaints/post/responses").propertyNames()).as("SPEC §7: 201 {ticketId…}")
        .contains("201").doesNotContain("200");
    assertThat(paths.at("/~1api~1public~1progress/post/responses").propertyNames())
        .as("the citizens' same 404 for a wrong number, and their rate limit").contains("404", "429");

    JsonNode document = JSON.readTree(read(settings.repoRoot().resolve("gateway/src/main/resources/openapi/contract.json")));
    List<String> stale = new ArrayList<>();
    document.path("examples").propertyNames().forEach(key -> {
      if (operation(paths, key).at("/requestBody/content/application~1json/examples/spec").isMissingNode()) {
        stale.add(key);
      }
    });
    document.path("errors").properties().forEach(listed -> listed.getValue().forEach(status -> {
      if (!operation(paths, listed.getKey()).path("responses").has(status.asString())) {
        stale.add(listed.getKey() + " " + status.asString());
      }
    }));
    document.path("created").propertyNames().forEach(key -> {
      if (!operation(paths, key).path("responses").has("201")) {
        stale.add(key + " 201");
      }
    });
    document.path("parameters").propertyNames().forEach(key -> {
      if (operation(paths, key).isMissingNode()) {
        stale.add(key);
      }
    });
    assertThat(stale).as("examples, errors, 201s and parameters written for operations the contract does not have")
        .isEmpty();
  }

  /** OpenAPI wants unique operationIds; a map of query arguments is documented as the arguments, never an object. */
  @Test
  void eachOperationHasItsOwnIdAndItsQueryArgumentsOneByOne() {
    List<JsonNode> operations = new ArrayList<>();
    contract.path("paths").forEach(path -> path.forEach(op -> {
      if (op.has("x-service")) {
        operations.add(op);
      }
    }));
    assertThat(operations.stream().map(op -> op.path("operationId").asString()))
        .as("operationIds").doesNotContain("").doesNotHaveDuplicates();
    List<String> objects = new ArrayList<>();
    operations.forEach(op -> op.path("parameters").forEach(parameter -> {
      JsonNode schema = parameter.path("schema");
      if ("query".equals(parameter.path("in").asString())
          && (schema.has("$ref") || "object".equals(schema.path("type").asString()))) {
        objects.add(op.path("operationId").asString() + " " + parameter.path("name").asString());
      }
    }));
    assertThat(objects).as("query arguments documented as one object (a handler's map)").isEmpty();

    JsonNode search = contract.at("/paths/~1api~1complaints/get/parameters");
    assertThat(search.valueStream().map(parameter -> parameter.path("name").asString()))
        .as("SPEC §7's search").contains("phone", "status", "district", "category", "from", "to", "q", "page", "size");
    assertThat(search.valueStream().filter(parameter -> parameter.path("required").asBoolean())).isEmpty();
    JsonNode format = contract.at("/paths/~1open311~1v2~1services.{format}/get/parameters").valueStream()
        .filter(parameter -> "format".equals(parameter.path("name").asString())).findFirst().orElseThrow();
    assertThat(format.at("/schema/enum").toString()).isEqualTo("[\"json\",\"xml\"]");
    assertThat(contract.at("/paths/~1open311~1v2~1requests.{format}/post/requestBody/content").propertyNames())
        .contains("application/x-www-form-urlencoded");
  }

  /** The page renders the contract for a signed-in user, who reaches it from no role's landing page but by its address. */
  @Test
  void thePageRendersTheContractWithTheSessionsToken() {
    // launched here, not per class: where there is no browser only this test is skipped, not the contract's
    try (Chromium chromium = Chromium.launch(settings.gatewayUrl())) {
      Page page = chromium.signIn("leader", Chromium.DEMO_PASSWORD);
      page.waitForURL("**/leader.html");
      page.navigate(chromium.baseUrl() + "/api-docs.html");
      page.waitForSelector("#docs-status:has-text('OpenAPI 3.1.0')");
      page.waitForSelector(".opblock-summary-path[data-path='/api/complaints']");
      assertThat(page.textContent("#page-title")).isEqualTo("接口文档 (API contract)");
      assertThat(page.isVisible("#docs-download")).isTrue();
    }
  }

  /** The contract's operation for {@code "METHOD /path"}, whatever its path variables are called; missing if none. */
  private static JsonNode operation(JsonNode paths, String methodAndPath) {
    String[] parts = methodAndPath.split(" ", 2);
    String path = paths.propertyNames().stream()
        .filter(p -> Served.normalize(p).equals(Served.normalize(parts[1]))).findFirst().orElse("");
    return paths.path(path).path(parts[0].toLowerCase());
  }

  private List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, JsonNode> item : contract.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : item.getValue().properties()) {
        if (op.getValue().has("x-service")) {
          ops.add(new Operation(op.getKey().toUpperCase(), item.getKey(), op.getValue().path("x-service").asString()));
        }
      }
    }
    return ops;
  }

  private static JsonNode mappings(HttpJson process) {
    Reply reply = process.get("/actuator/mappings");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.body();
  }

  /** The contract as this run built it, kept beside the run's logs for whoever reads a failure. */
  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Operation(String method, String path, String service) {
    @Override
    public String toString() {
      return service + ": " + method + " " + path;
    }
  }

  /** A process's handler methods: method → normalized path patterns (an empty method set: any method). */
  static final class Served {
    private final Map<String, Set<String>> byMethod = new LinkedHashMap<>();

    static Served of(JsonNode mappings) {
      Served served = new Served();
      for (JsonNode handler : handlers(mappings)) {
        JsonNode conditions = handler.at("/details/requestMappingConditions");
        if (conditions.isMissingNode()) {
          continue;
        }
        List<String> methods = conditions.path("methods").valueStream().map(JsonNode::asString).toList();
        for (JsonNode pattern : conditions.path("patterns")) {
          for (String method : methods.isEmpty() ? List.of("*") : methods) {
            served.byMethod.computeIfAbsent(method, m -> new LinkedHashSet<>()).add(pattern.asString());
          }
        }
      }
      return served;
    }

    /** Whether a contract path is a handler's (Open311's {@code .{format}}: both its JSON and XML twins, or as is). */
    boolean serves(String method, String contractPath) {
      Predicate<String> has = path -> patterns(method).stream().anyMatch(p -> normalize(p).equals(normalize(path)));
      if (contractPath.endsWith(".{format}")) {
        String stem = contractPath.substring(0, contractPath.length() - ".{format}".length());
        return has.test(contractPath) || (has.test(stem + ".json") && has.test(stem + ".xml"));
      }
      return has.test(contractPath);
    }

    void each(java.util.function.BiConsumer<String, String> action) {
      byMethod.forEach((method, patterns) -> {
        for (String pattern : patterns) {
          String twin = twinOf(pattern);
          boolean collapsed = twin != null && patterns.contains(twin);
          action.accept(method, collapsed ? pattern.substring(0, pattern.lastIndexOf('.')) + ".{format}" : pattern);
        }
      });
    }

    private Set<String> patterns(String method) {
      Set<String> all = new LinkedHashSet<>(byMethod.getOrDefault(method, Set.of()));
      all.addAll(byMethod.getOrDefault("*", Set.of()));
      return all;
    }

    private static String twinOf(String pattern) {
      if (pattern.endsWith(".json")) {
        return pattern.substring(0, pattern.length() - "json".length()) + "xml";
      }
      if (pattern.endsWith(".xml")) {
        return pattern.substring(0, pattern.length() - "xml".length()) + "json";
      }
      return null;
    }

    /** Variables by position only: {@code /a/{id:\d+}} and {@code /a/{ticketId}} are the same path. */
    static String normalize(String path) {
      return path.replaceAll("\\{[^}]*}", "{}");
    }

    static String sample(String path) {
      return path.replaceAll("\\{[^}]*}", "x");
    }

    static List<JsonNode> handlers(JsonNode mappings) {
      List<JsonNode> all = new ArrayList<>();
      for (JsonNode context : mappings.path("contexts")) {
        for (JsonNode servlet : context.at("/mappings/dispatcherServlets")) {
          servlet.forEach(all::add);
        }
      }
      return all;
    }
  }

  /**
   * A gateway route as its mapping prints its predicate: path patterns joined by {@code ||} and {@code &&}, negated
   * by {@code !}, in brackets; "Never" matches nothing.
   */
  record Route(String predicate) {
    static List<Route> of(JsonNode gatewayMappings) {
      return Served.handlers(gatewayMappings).stream()
          .filter(handler -> handler.at("/details/handlerFunction").isObject())
          .map(handler -> new Route(handler.path("predicate").asString()))
          .toList();
    }

    boolean matches(String path) {
      return new Reader(predicate, path).expression();
    }

    /** The patterns that lead to the route (not the ones negated). */
    List<String> includes() {
      List<String> patterns = new ArrayList<>();
      String[] tokens = predicate.replace("(", " ").replace(")", " ").trim().split("\\s+");
      for (String token : tokens) {
        if (token.startsWith("/")) {
          patterns.add(token);
        }
      }
      for (String token : tokens) {
        if (token.startsWith("!/")) {
          patterns.remove(token.substring(1));
        }
      }
      return patterns;
    }

    /** A tiny recursive-descent reader of the predicate, evaluated for one path. */
    private static final class Reader {
      private final String text;
      private final PathContainer path;
      private int at;

      Reader(String text, String path) {
        this.text = text;
        this.path = PathContainer.parsePath(path);
      }

      boolean expression() {
        boolean value = term();
        while (true) {
          skipSpaces();
          if (text.startsWith("||", at)) {
            at += 2;
            value = term() | value;
          } else if (text.startsWith("&&", at)) {
            at += 2;
            value = term() & value;
          } else {
            return value;
          }
        }
      }

      private boolean term() {
        skipSpaces();
        if (text.startsWith("!", at)) {
          at++;
          return !term();
        }
        if (text.startsWith("(", at)) {
          at++;
          boolean value = expression();
          skipSpaces();
          at++; // ')'
          return value;
        }
        int start = at;
        while (at < text.length() && " ()".indexOf(text.charAt(at)) < 0) {
          at++;
        }
        String token = text.substring(start, at);
        return token.startsWith("/") && PathPatternParser.defaultInstance.parse(token).matches(path);
      }

      private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
          at++;
        }
      }
    }
  }
}
