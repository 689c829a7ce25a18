package city.hotline.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api-docs} with three stub services that each describe a few operations, some the gateway routes to
 * them and some it does not: the merged contract keeps exactly the routed ones and the gateway's own, says who may
 * call each as the gateway's rules decide, and closes what must stay closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsTest {
  private static final String PASSWORD = "Hotline@12345";
  private static final StubService INTAKE = new StubService("""
      {"openapi":"3.1.0","paths":{
        "/api/complaints":{"post":{"operationId":"register","requestBody":{"content":{"application/json":
          {"schema":{"$ref":"#/components/schemas/RegistrationRequest"}}}},"responses":{"200":{"description":"ok",
          "content":{"*/*":{"schema":{"$ref":"#/components/schemas/Page"}}}}}},
          "get":{"operationId":"list","parameters":[{"name":"phone","in":"query","required":true,
          "schema":{"type":"string"}},{"name":"params","in":"query","required":true,"schema":{"type":"object"}}],
          "responses":{"200":{"description":"ok"}}}},
        "/open311/v2/requests/{id}.{format}":{"get":{"operationId":"request","parameters":[
          {"name":"id","in":"path","required":true,"schema":{"type":"string"}},
          {"name":"format","in":"path","required":true,"schema":{"type":"string"}},
          {"name":"params","in":"query","required":true,"schema":{"$ref":"#/components/schemas/MultiValueMap"}}],
          "responses":{"200":{"description":"ok"}}}},
        "/api/complaints/{ticketId}":{"get":{"operationId":"find","parameters":[{"name":"ticketId","in":"path"}],
          "responses":{"200":{"description":"ok","content":{"application/json":
          {"schema":{"$ref":"#/components/schemas/Page"}}}}}}},
        "/open311/v2/services.json":{"get":{"operationId":"servicesJson","responses":{"200":{"description":"ok"}}}},
        "/open311/v2/services.xml":{"get":{"operationId":"servicesXml","responses":{"200":{"description":"ok"}}}},
        "/api/admin/books":{"get":{"operationId":"books","responses":{"200":{"description":"ok"}}}}},
       "components":{"schemas":{"RegistrationRequest":{"type":"object"},
        "Page":{"type":"object","properties":{"items":{"type":"array"}}},
        "MultiValueMap":{"type":"object"}}}}
      """);
  private static final StubService DISPATCH = new StubService("""
      {"openapi":"3.1.0","paths":{
        "/api/cases/{ticketId}/claim":{"post":{"operationId":"list","responses":{"200":{"description":"ok"}}}},
        "/api/dashboard/backlog":{"get":{"operationId":"backlog","responses":{"200":{"description":"ok",
          "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
       "components":{"schemas":{"Page":{"type":"object","properties":{"total":{"type":"integer"}}}}}}
      """);
  private static final StubService FEEDBACK = new StubService("""
      {"openapi":"3.1.0","paths":{
        "/api/dashboard/summary":{"get":{"operationId":"summary","responses":{"200":{"description":"ok"}}}},
        "/api/dashboard/backlog":{"get":{"operationId":"notFeedbacks","responses":{"200":{"description":"ok"}}}},
        "/api/public/ratings":{"post":{"operationId":"rate","responses":{"200":{"description":"ok"}}}}}}
      """);

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "gateway-api-docs-it");
    registry.add("hotline.routes.intake-url", INTAKE::url);
    registry.add("hotline.routes.dispatch-url", DISPATCH::url);
    registry.add("hotline.routes.feedback-url", FEEDBACK::url);
  }

  @AfterAll
  void stopServices() {
    Stream.of(INTAKE, DISPATCH, FEEDBACK).forEach(StubService::stop);
  }

  HttpJson anonymous() {
    return new HttpJson("http://localhost:" + port);
  }

  HttpJson as(String username) {
    Reply reply = anonymous().post("/api/auth/login", Map.of("username", username, "password", PASSWORD));
    assertThat(reply.status()).as("sign in " + username).isEqualTo(200);
    return anonymous().withToken(reply.body().path("token").asString());
  }

  @Test
  void theContractIsForSignedInUsersAndTheDescriptionsBehindItStayClosed() {
    assertThat(anonymous().get("/api-docs").status()).isEqualTo(401);
    assertThat(as("jiangan").get("/api-docs").status()).isEqualTo(200);
    assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
    assertThat(as("admin").get("/v3/api-docs").status()).as("springdoc's own, gateway or service").isEqualTo(403);
    assertThat(anonymous().download("/api-docs.html").status()).isEqualTo(200);
    assertThat(anonymous().download("/webjars/swagger-ui/swagger-ui-bundle.js").status())
        .as("the page's renderer, from the webjar").isEqualTo(200);
  }

  @Test
  void theContractHoldsWhatTheGatewayRoutesToEachServiceAndItsOwnOperations() {
    JsonNode contract = as("operator").get("/api-docs").body();

    assertThat(contract.path("openapi").asString()).isEqualTo("3.1.0");
    JsonNode paths = contract.path("paths");
    assertThat(paths.propertyNames()).contains("/api/complaints", "/api/complaints/{ticketId}",
        "/open311/v2/services.{format}", "/api/cases/{ticketId}/claim", "/api/dashboard/backlog",
        "/api/dashboard/summary", "/api/public/ratings", "/api/auth/login", "/api/admin/users", "/api-docs",
        "/.well-known/jwks.json");
    assertThat(paths.propertyNames()).as("not routed, or the gateway's route machinery")
        .doesNotContain("/api/admin/books", "/v3/api-docs", "/api/complaints/**", "/open311/v2/services.json");
    assertThat(paths.at("/~1api~1dashboard~1backlog/get/operationId").asString())
        .as("the backlog is routed to dispatch, not feedback").isEqualTo("backlog");
    assertThat(paths.at("/~1api~1dashboard~1backlog/get/x-service").asString()).isEqualTo("dispatch");
    assertThat(paths.at("/~1api~1admin~1users/get/x-service").asString()).isEqualTo("gateway");
  }

  @Test
  void eachOperationSaysWhoMayCallItAsTheGatewaysRulesDecide() {
    JsonNode paths = as("operator").get("/api-docs").body().path("paths");

    assertThat(roles(paths, "/api/complaints", "post")).containsExactly("OPERATOR");
    assertThat(roles(paths, "/api/complaints/{ticketId}", "get"))
        .containsExactlyInAnyOrder("OPERATOR", "DISPATCHER", "BUREAU", "LEADER", "ADMIN");
    assertThat(roles(paths, "/api/cases/{ticketId}/claim", "post")).containsExactly("BUREAU");
    assertThat(roles(paths, "/api/admin/users", "get")).containsExactly("ADMIN");
    JsonNode login = paths.at("/~1api~1auth~1login/post");
    assertThat(login.path("x-public").asBoolean()).isTrue();
    assertThat(login.path("security").size()).as("no token").isZero();
    JsonNode register = paths.at("/~1api~1complaints/post");
    assertThat(register.path("description").asString()).contains("OPERATOR");
    assertThat(register.path("security").get(0).has("bearer")).isTrue();
    assertThat(paths.at("/~1open311~1v2~1services.{format}/get/x-public").asBoolean()).isTrue();
  }

  @Test
  void errorsAreProblemDetailsWithTheirSchemaAndTheMainRequestsHaveExamples() {
    JsonNode contract = as("operator").get("/api-docs").body();
    JsonNode paths = contract.path("paths");

    JsonNode responses = paths.at("/~1api~1complaints~1{ticketId}/get/responses");
    assertThat(responses.propertyNames()).contains("200", "400", "401", "403", "404");
    assertThat(paths.at("/~1api~1cases~1{ticketId}~1claim/post/responses").propertyNames()).contains("409");
    assertThat(paths.at("/~1api-docs/get/responses").propertyNames()).as("its token is the security scheme's")
        .containsExactlyInAnyOrder("200", "401", "403");
    assertThat(responses.at("/404/$ref").asString()).isEqualTo("#/components/responses/NotFound");
    JsonNode problem = contract.at("/components/responses/BadRequest/content/application~1problem+json/schema");
    assertThat(problem.path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
    assertThat(contract.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
        .isEqualTo("#/components/schemas/FieldProblem");
    assertThat(contract.at("/components/securitySchemes/bearer/bearerFormat").asString()).isEqualTo("JWT");
    assertThat(paths.at("/~1api~1complaints/post/responses").propertyNames()).as("it answers 201, not springdoc's 200")
        .contains("201").doesNotContain("200");
    assertThat(paths.at("/~1api~1complaints/post/responses/201/content/*~1*/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Page");
    assertThat(paths.at("/~1api~1complaints/post/requestBody/content/application~1json/examples/spec/value/category")
        .asString()).isEqualTo("STREET_LIGHTING");
    assertThat(paths.at("/~1open311~1v2~1services.{format}/get/responses/400/$ref").asString())
        .as("Open311's own error format, or problem+json on request").isEqualTo("#/components/responses/Open311BadRequest");
    assertThat(contract.at("/components/responses/Open311BadRequest/content").propertyNames())
        .containsExactly("application/json", "application/xml", "application/problem+json");
    assertThat(paths.at("/~1open311~1v2~1services.{format}/get/parameters/0/schema/enum").toString())
        .isEqualTo("[\"json\",\"xml\"]");
  }

  @Test
  void eachOperationIdIsUniqueThoughTwoServicesNameTheirsAlike() {
    JsonNode paths = as("operator").get("/api-docs").body().path("paths");

    List<String> ids = operations(paths).map(operation -> operation.path("operationId").asString()).toList();
    assertThat(ids).doesNotHaveDuplicates().contains("list").anyMatch(id -> id.endsWith("_list"));
  }

  @Test
  void aMapOfQueryArgumentsIsDocumentedAsTheArgumentsItTakes() {
    JsonNode paths = as("operator").get("/api-docs").body().path("paths");

    assertThat(operations(paths).flatMap(operation -> operation.path("parameters").valueStream())
        .filter(parameter -> parameter.path("in").asString().equals("query"))
        .filter(parameter -> parameter.path("schema").has("$ref")
            || parameter.path("schema").path("type").asString().equals("object")))
        .as("no query argument is an object").isEmpty();
    JsonNode search = paths.at("/~1api~1complaints/get/parameters");
    assertThat(search.valueStream().map(parameter -> parameter.path("name").asString()))
        .contains("phone", "status", "district", "category", "from", "to", "q", "page", "size")
        .doesNotContain("params");
    assertThat(search.valueStream().filter(parameter -> parameter.path("required").asBoolean()))
        .as("the search runs without a phone number").isEmpty();
    JsonNode request = paths.at("/~1open311~1v2~1requests~1{id}.{format}/get/parameters");
    assertThat(request.valueStream().map(parameter -> parameter.path("name").asString()))
        .containsExactlyInAnyOrder("id", "format", "jurisdiction_id");
    assertThat(request.valueStream().filter(parameter -> parameter.path("name").asString().equals("format"))
        .map(parameter -> parameter.at("/schema/enum").toString())).as("springdoc's own {format} gets its choices")
        .containsExactly("[\"json\",\"xml\"]");
  }

  @Test
  void aSchemaNameTwoServicesUseForDifferentShapesIsKeptApart() {
    JsonNode contract = as("operator").get("/api-docs").body();

    assertThat(contract.at("/components/schemas/Page/properties").has("items")).isTrue();
    assertThat(contract.at("/components/schemas/dispatch.Page/properties").has("total")).isTrue();
    assertThat(contract.at("/paths/~1api~1dashboard~1backlog/get/responses/200/content/application~1json/schema/$ref")
        .asString()).isEqualTo("#/components/schemas/dispatch.Page");
  }

  private static Stream<JsonNode> operations(JsonNode paths) {
    return paths.valueStream().flatMap(path -> path.properties().stream()
        .filter(method -> ContractPaths.METHODS.contains(method.getKey())).map(Map.Entry::getValue));
  }

  private static List<String> roles(JsonNode paths, String path, String method) {
    return paths.path(path).path(method).path("x-roles").valueStream().map(JsonNode::asString).toList();
  }

  /** A service that answers its own description at /v3/api-docs, and 404 for anything else. */
  static final class StubService {
    private final HttpServer server;

    StubService(String description) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        boolean docs = exchange.getRequestURI().getPath().equals("/v3/api-docs");
        byte[] body = (docs ? description : "{}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(docs ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
      server.stop(0);
    }
  }
}
