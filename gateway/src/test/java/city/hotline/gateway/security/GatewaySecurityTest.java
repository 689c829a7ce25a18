package city.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.gateway.identity.SigningKey;
import city.hotline.testsupport.HttpJson;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import city.hotline.testsupport.TestTokens;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as the one door, with the demo accounts and no services behind it: a request the
 * gateway lets through gets the gateway's own 503 ("service not reachable"), one it refuses gets
 * 401 or 403 — so every row says what the gateway decided.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hotline.routes.intake-url=http://127.0.0.1:9",
    "hotline.routes.dispatch-url=http://127.0.0.1:9",
    "hotline.routes.feedback-url=http://127.0.0.1:9",
    "hotline.traffic.max-body-size=4KB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySecurityTest {
  static final String PASSWORD = "Hotline@12345";
  static final int PASSED_THE_GATE = 503;

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "gateway-it");
  }

  HttpJson anonymous() {
    return new HttpJson("http://localhost:" + port);
  }

  String login(String username) {
    Reply reply = anonymous().post("/api/auth/login", Map.of("username", username, "password", PASSWORD));
    assertThat(reply.status()).as("login " + username).isEqualTo(200);
    return reply.body().path("token").asString();
  }

  HttpJson as(String username) {
    return anonymous().withToken(login(username));
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        // who, method, path, expected
        Arguments.of("operator", "POST", "/api/complaints", PASSED_THE_GATE),
        Arguments.of("jiangan", "POST", "/api/complaints", 403),
        Arguments.of("leader", "POST", "/api/complaints", 403),
        Arguments.of("leader", "GET", "/api/complaints/WH20261123000001", PASSED_THE_GATE),
        Arguments.of("operator", "GET", "/api/complaints/WH20261123000001", PASSED_THE_GATE),
        Arguments.of("dispatcher", "GET", "/api/complaints/WH20261123000001", PASSED_THE_GATE),
        Arguments.of("jiangan", "GET", "/api/complaints/WH20261123000001", PASSED_THE_GATE),
        Arguments.of("admin", "GET", "/api/complaints/WH20261123000001", PASSED_THE_GATE),
        Arguments.of("jiangan", "GET", "/api/cases", PASSED_THE_GATE),
        Arguments.of("operator", "GET", "/api/cases", 403),
        Arguments.of("jiangan", "POST", "/api/cases/WH20261123000001/claim", PASSED_THE_GATE),
        Arguments.of("leader", "POST", "/api/cases/WH20261123000001/claim", 403),
        Arguments.of("dispatcher", "POST", "/api/cases/WH20261123000001/resolve", 403),
        Arguments.of("operator", "GET", "/api/visits", PASSED_THE_GATE),
        Arguments.of("leader", "GET", "/api/visits", 403),
        Arguments.of("leader", "GET", "/api/dashboard/summary", PASSED_THE_GATE),
        Arguments.of("operator", "GET", "/api/dashboard/summary", 403),
        Arguments.of("operator", "GET", "/api/admin/users", 403),
        Arguments.of("admin", "GET", "/api/admin/users", 200),
        Arguments.of("leader", "GET", "/api/unknown", 403));
  }

  /** 突发预警 (SPEC §8.5): alerts for the leadership and the desk; the desk merges and presses from them. */
  static Stream<Arguments> governanceRoutes() {
    List<Arguments> rows = new java.util.ArrayList<>();
    for (String desk : List.of("leader", "dispatcher")) {
      rows.add(Arguments.of(desk, "GET", "/api/dashboard/alerts?state=open", PASSED_THE_GATE));
      rows.add(Arguments.of(desk, "GET", "/api/dashboard/alerts/stream", PASSED_THE_GATE));
      rows.add(Arguments.of(desk, "POST", "/api/dashboard/alerts/SRG-GAS_SAFETY-HANNAN-1/acknowledge", PASSED_THE_GATE));
    }
    for (String other : List.of("operator", "jiangan", "editor", "admin")) {
      rows.add(Arguments.of(other, "GET", "/api/dashboard/alerts", 403));
      rows.add(Arguments.of(other, "GET", "/api/dashboard/alerts/stream", 403));
      rows.add(Arguments.of(other, "POST", "/api/dashboard/alerts/SRG-GAS_SAFETY-HANNAN-1/acknowledge", 403));
    }
    rows.addAll(List.of(
        Arguments.of("leader", "GET", "/api/dashboard/heat", PASSED_THE_GATE),
        Arguments.of("dispatcher", "GET", "/api/dashboard/heat", 403),
        Arguments.of("dispatcher", "GET", "/api/dashboard/summary", 403),
        Arguments.of("dispatcher", "PUT", "/api/dashboard/alerts/SRG-GAS_SAFETY-HANNAN-1/acknowledge", 403),
        Arguments.of("dispatcher", "POST", "/api/complaints/WH20261123000002/merge", PASSED_THE_GATE),
        Arguments.of("operator", "POST", "/api/complaints/WH20261123000002/merge", PASSED_THE_GATE),
        Arguments.of("leader", "POST", "/api/complaints/WH20261123000002/merge", 403),
        Arguments.of("jiangan", "POST", "/api/complaints/WH20261123000002/merge", 403),
        Arguments.of("dispatcher", "POST", "/api/complaints", 403),
        Arguments.of("dispatcher", "POST", "/api/complaints/duplicate-check", 403),
        Arguments.of("dispatcher", "POST", "/api/cases/WH20261123000002/press", PASSED_THE_GATE)));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("governanceRoutes")
  void alertsAreForLeadersAndTheDeskWhichAlsoMergesAndPresses(String username, String method, String path,
      int expected) {
    eachRoleReachesOnlyItsRoutes(username, method, path, expected);
  }

  /** 知识库 (SPEC §8.4): every signed-in role reads; only the editor writes; a bureau proposes for its own unit. */
  static Stream<Arguments> knowledgeRoutes() {
    List<Arguments> rows = new java.util.ArrayList<>();
    for (String reader : List.of("operator", "dispatcher", "jiangan", "leader", "admin", "editor")) {
      rows.add(Arguments.of(reader, "GET", "/api/knowledge/articles?q=%E7%87%83%E6%B0%94", PASSED_THE_GATE));
      rows.add(Arguments.of(reader, "GET", "/api/knowledge/articles/KB000001", PASSED_THE_GATE));
    }
    rows.addAll(List.of(
        Arguments.of("editor", "POST", "/api/knowledge/articles", PASSED_THE_GATE),
        Arguments.of("editor", "PUT", "/api/knowledge/articles/KB000001", PASSED_THE_GATE),
        Arguments.of("editor", "POST", "/api/knowledge/articles/KB000001/publish", PASSED_THE_GATE),
        Arguments.of("editor", "POST", "/api/knowledge/articles/KB000001/retire", PASSED_THE_GATE),
        Arguments.of("jiangan", "POST", "/api/knowledge/articles/KB000001/publish", 403),
        Arguments.of("jiangan", "POST", "/api/knowledge/articles", 403),
        Arguments.of("jiangan", "PUT", "/api/knowledge/articles/KB000001", 403),
        Arguments.of("operator", "PUT", "/api/knowledge/articles/KB000001", 403),
        Arguments.of("operator", "POST", "/api/knowledge/articles", 403),
        Arguments.of("admin", "POST", "/api/knowledge/articles/KB000001/retire", 403),
        Arguments.of("jiangan", "POST", "/api/knowledge/proposals", PASSED_THE_GATE),
        Arguments.of("editor", "POST", "/api/knowledge/proposals", 403),
        Arguments.of("operator", "POST", "/api/knowledge/proposals", 403),
        Arguments.of("editor", "GET", "/api/knowledge/proposals?status=PENDING", PASSED_THE_GATE),
        Arguments.of("jiangan", "GET", "/api/knowledge/proposals", PASSED_THE_GATE),
        Arguments.of("operator", "GET", "/api/knowledge/proposals", 403),
        Arguments.of("leader", "GET", "/api/knowledge/proposals", 403),
        Arguments.of("editor", "POST", "/api/knowledge/proposals/P000001/accept", PASSED_THE_GATE),
        Arguments.of("editor", "POST", "/api/knowledge/proposals/P000001/reject", PASSED_THE_GATE),
        Arguments.of("jiangan", "POST", "/api/knowledge/proposals/P000001/accept", 403),
        Arguments.of("jiangan", "POST", "/api/knowledge/proposals/P000001/reject", 403),
        Arguments.of("editor", "DELETE", "/api/knowledge/articles/KB000001", 403),
        // the editor's role is the knowledge base only
        Arguments.of("editor", "POST", "/api/complaints", 403),
        Arguments.of("editor", "GET", "/api/cases", 403),
        // nor the work orders, which name their callers
        Arguments.of("editor", "GET", "/api/complaints/WH20261123000001", 403),
        Arguments.of("editor", "GET", "/api/complaints?phone=13812341234", 403),
        Arguments.of("editor", "GET", "/api/complaints?q=%E8%B7%AF%E7%81%AF", 403),
        // the code lists and units an article is written with
        Arguments.of("editor", "GET", "/api/reference/categories", PASSED_THE_GATE),
        Arguments.of("editor", "GET", "/api/units", PASSED_THE_GATE),
        Arguments.of("editor", "GET", "/api/dashboard/summary", 403),
        Arguments.of("editor", "GET", "/api/admin/users", 403),
        // 智能辅助: suggestions while typing are the operator's; their evaluation the administrator's
        Arguments.of("operator", "POST", "/api/complaints/suggestions", PASSED_THE_GATE),
        Arguments.of("leader", "POST", "/api/complaints/suggestions", 403),
        Arguments.of("editor", "POST", "/api/complaints/suggestions", 403),
        Arguments.of("admin", "GET", "/api/admin/suggestions/evaluation", PASSED_THE_GATE),
        Arguments.of("leader", "GET", "/api/admin/suggestions/evaluation", 403),
        Arguments.of("editor", "GET", "/api/admin/suggestions/evaluation", 403)));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("knowledgeRoutes")
  void theKnowledgeBaseIsReadByEveryoneAndWrittenOnlyByItsEditors(String username, String method, String path,
      int expected) {
    eachRoleReachesOnlyItsRoutes(username, method, path, expected);
  }

  @Test
  void nobodyReadsTheKnowledgeBaseWithoutSigningIn() {
    assertThat(anonymous().get("/api/knowledge/articles?q=x").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/knowledge/articles/KB000001").status()).isEqualTo(401);
    assertThat(anonymous().post("/api/knowledge/proposals", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void anAdministratorMakesAKnowledgeEditorWhoseTokenCarriesTheRole() {
    Reply created = as("admin").post("/api/admin/users", Map.of("username", "temp-editor", "displayName", "临时编辑",
        "password", "a-long-password", "roles", List.of("KNOWLEDGE_EDITOR"), "unitId", "JIANGAN_CGJ"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("unitId").isString()).as("only a bureau user belongs to a unit").isFalse();
    Reply signedIn = anonymous().post("/api/auth/login", Map.of("username", "temp-editor", "password", "a-long-password"));
    assertThat(signedIn.body().path("user").path("roles").get(0).asString()).isEqualTo("KNOWLEDGE_EDITOR");
    String[] parts = signedIn.body().path("token").asString().split("\\.");
    String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(claims).contains("\"roles\":[\"KNOWLEDGE_EDITOR\"]");
    HttpJson editor = anonymous().withToken(signedIn.body().path("token").asString());
    assertThat(editor.post("/api/knowledge/articles/KB000001/publish", Map.of()).status()).isEqualTo(PASSED_THE_GATE);
  }

  @Test
  void theDemoEditorSignsInAsAKnowledgeEditor() {
    Reply reply = anonymous().post("/api/auth/login", Map.of("username", "editor", "password", PASSWORD));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("user").path("displayName").asString()).isEqualTo("知识库管理员 孙丽");
    assertThat(reply.body().path("user").path("roles").valueStream().map(r -> r.asString()))
        .containsExactly("KNOWLEDGE_EDITOR");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("routes")
  void eachRoleReachesOnlyItsRoutes(String username, String method, String path, int expected) {
    HttpJson client = as(username);
    Reply reply = switch (method) {
      case "GET" -> client.get(path);
      case "PUT" -> client.put(path, Map.of());
      case "DELETE" -> client.delete(path);
      default -> client.post(path, Map.of());
    };
    assertThat(reply.status()).isEqualTo(expected);
    if (expected != 200) {
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
  }

  /** 评价链接: a citizen has no account; only the two rating paths are open, and nothing else of feedback's. */
  @Test
  void citizensRateWithoutSigningInButSeeNothingElse() {
    assertThat(anonymous().post("/api/public/ratings", Map.of("token", "x")).status()).isEqualTo(PASSED_THE_GATE);
    assertThat(anonymous().post("/api/public/ratings/lookup", Map.of("token", "x")).status()).isEqualTo(PASSED_THE_GATE);
    assertThat(anonymous().get("/api/public/ratings/lookup").status()).isEqualTo(401);
    assertThat(anonymous().post("/api/visits/WH20261123000001/rating-link", Map.of()).status()).isEqualTo(401);
    assertThat(as("leader").post("/api/visits/WH20261123000001/rating-link", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void aServiceThatDoesNotAnswerIsA503WithRetryAfter() {
    Reply reply = as("leader").get("/api/dashboard/summary");
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().path("detail").asString()).contains("not reachable");
  }

  @Test
  void tokensTheGatewayDidNotIssueOrThatExpiredAreRefused() {
    assertThat(anonymous().get("/api/cases").status()).isEqualTo(401);
    assertThat(anonymous().withToken("not-a-token").get("/api/cases").status()).isEqualTo(401);
    assertThat(anonymous().withToken(TestTokens.signedByAnotherKey("jiangan", "JIANGAN_CGJ", "BUREAU"))
        .get("/api/cases").status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenSignedByTheGatewayIsRefused(@Autowired SigningKey key) throws Exception {
    JwtClaimsSet claims = JwtClaimsSet.builder().subject("jiangan").id("expired-token")
        .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
        .claim("roles", List.of("BUREAU")).claim("unit", "JIANGAN_CGJ").claim("ver", 0).build();
    String expired = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.key())))
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.key().getKeyID()).build(),
            claims)).getTokenValue();
    assertThat(anonymous().withToken(expired).get("/api/cases").status()).isEqualTo(401);
  }

  @Test
  void signInGivesASignedTokenWithTheUsersRolesAndUnit() {
    Reply reply = anonymous().post("/api/auth/login", Map.of("username", "jiangan", "password", PASSWORD));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("user").path("roles").get(0).asString()).isEqualTo("BUREAU");
    assertThat(reply.body().path("user").path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(reply.body().path("user").has("passwordHash")).isFalse();
    assertThat(reply.body().path("expiresAt").asString()).isNotBlank();
    Reply keys = anonymous().get("/.well-known/jwks.json");
    assertThat(keys.status()).isEqualTo(200);
    assertThat(keys.body().path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
    assertThat(keys.body().path("keys").get(0).has("d")).as("never the private key").isFalse();
  }

  @Test
  void aSignedOutTokenStopsWorkingAtOnce() {
    HttpJson dispatcher = as("dispatcher");
    assertThat(dispatcher.get("/api/cases").status()).isEqualTo(PASSED_THE_GATE);
    assertThat(dispatcher.post("/api/auth/logout", "").status()).isEqualTo(204);
    assertThat(dispatcher.get("/api/cases").status()).isEqualTo(401);
  }

  @Test
  void aDisabledUsersTokensStopWorkingAndTheUserCannotSignIn() {
    HttpJson admin = as("admin");
    Reply created = admin.post("/api/admin/users", Map.of("username", "temp-bureau", "displayName", "临时用户",
        "password", "a-long-password", "roles", List.of("BUREAU"), "unitId", "HANYANG_CGJ"));
    assertThat(created.status()).isEqualTo(201);
    HttpJson temp = anonymous().withToken(anonymous().post("/api/auth/login",
        Map.of("username", "temp-bureau", "password", "a-long-password")).body().path("token").asString());
    assertThat(temp.get("/api/cases").status()).isEqualTo(PASSED_THE_GATE);

    assertThat(admin.post("/api/admin/users/temp-bureau/disable", "").status()).isEqualTo(200);

    assertThat(temp.get("/api/cases").status()).isEqualTo(401);
    assertThat(anonymous().post("/api/auth/login", Map.of("username", "temp-bureau", "password", "a-long-password"))
        .status()).isEqualTo(401);
  }

  @Test
  void reRolingAUserEndsTheTokensThatCarriedTheOldRole() {
    HttpJson admin = as("admin");
    admin.post("/api/admin/users", Map.of("username", "temp-leader", "displayName", "临时领导",
        "password", "a-long-password", "roles", List.of("LEADER")));
    HttpJson temp = anonymous().withToken(anonymous().post("/api/auth/login",
        Map.of("username", "temp-leader", "password", "a-long-password")).body().path("token").asString());
    assertThat(temp.get("/api/dashboard/summary").status()).isEqualTo(PASSED_THE_GATE);

    Reply bad = admin.put("/api/admin/users/temp-leader/roles", Map.of("roles", List.of("BUREAU")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("unitId");
    assertThat(admin.put("/api/admin/users/temp-leader/roles", Map.of("roles", List.of("OPERATOR"))).status())
        .isEqualTo(200);

    assertThat(temp.get("/api/dashboard/summary").status()).isEqualTo(401);
  }

  @Test
  void anUnknownRoleIsReportedWithTheOtherBrokenRulesNamingTheRolesThereAre() {
    String allowed = "must be one of OPERATOR, DISPATCHER, BUREAU, LEADER, ADMIN, KNOWLEDGE_EDITOR, not \"BOSS\"";
    HttpJson admin = as("admin");
    Reply created = admin.post("/api/admin/users", Map.of("username", "temp-boss", "displayName", "临时老板",
        "password", "short", "roles", List.of("OPERATOR", "BOSS")));
    assertThat(created.status()).isEqualTo(400);
    assertThat(created.contentType()).startsWith("application/problem+json");
    assertThat(errors(created)).as("the unknown role and the short password in one 400")
        .containsOnlyKeys("roles[1]", "password")
        .containsEntry("roles[1]", allowed)
        .containsEntry("password", "must be 10 to 128 characters");
    assertThat(anonymous().post("/api/auth/login", Map.of("username", "temp-boss", "password", "short")).status())
        .as("nothing was created").isEqualTo(401);

    Reply reRoled = admin.put("/api/admin/users/operator/roles", Map.of("roles", List.of("BOSS")));
    assertThat(reRoled.status()).isEqualTo(400);
    assertThat(errors(reRoled)).containsExactlyEntriesOf(Map.of("roles[0]", allowed));
    Reply noRole = admin.put("/api/admin/users/operator/roles", Map.of("roles", Arrays.asList("OPERATOR", null)));
    assertThat(noRole.status()).isEqualTo(400);
    assertThat(errors(noRole)).containsExactlyEntriesOf(Map.of("roles[1]", "must name a role"));
    assertThat(as("operator").get("/api/visits").status()).as("the operator keeps the role")
        .isEqualTo(PASSED_THE_GATE);
  }

  private static Map<String, String> errors(Reply reply) {
    return reply.body().path("errors").valueStream()
        .collect(Collectors.toMap(e -> e.path("field").asString(), e -> e.path("message").asString()));
  }

  @Test
  void afterFiveFailedSignInsTheNextIsRefusedWithoutSayingWhetherTheUserExists() {
    for (String username : List.of("wuchang", "no-such-user")) {
      for (int attempt = 0; attempt < 5; attempt++) {
        Reply wrong = anonymous().post("/api/auth/login", Map.of("username", username, "password", "wrong-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("detail").asString()).contains("用户名或密码错误");
      }
      Reply blocked = anonymous().post("/api/auth/login", Map.of("username", username, "password", PASSWORD));
      assertThat(blocked.status()).as(username).isEqualTo(429);
      assertThat(Integer.parseInt(blocked.retryAfter())).isPositive();
    }
  }

  @Test
  void anOversizedBodyIsRefusedBeforeAnyServiceSeesIt() {
    Reply reply = as("operator").post("/api/complaints", Map.of("description", "长".repeat(5000)));
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aMalformedSignInNamesTheField() {
    Reply reply = anonymous().post("/api/auth/login", Map.of("username", "operator"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("password");
  }
}
