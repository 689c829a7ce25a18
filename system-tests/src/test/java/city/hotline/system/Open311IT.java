package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A partner system through the gateway, as the Open311 GeoReport v2 spec has it talk: an admin registers the partner
 * and hands it its api_key; the partner posts a report form-encoded, gets the ticket number in XML, reads the
 * request back (no token) in JSON once dispatch has routed it, and after the admin revokes it its key is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311IT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final String DEMO_PASSWORD = "Hotline@12345";
  private final HttpClient http = HttpClient.newHttpClient();
  private String gatewayUrl;
  private HttpJson admin;
  private HttpJson operator;

  private record Answer(int status, String contentType, String body) {}

  @BeforeAll
  void signIn() {
    gatewayUrl = RunningSystem.get().gatewayUrl();
    HttpJson gateway = new HttpJson(gatewayUrl);
    admin = signIn(gateway, "admin");
    operator = signIn(gateway, "operator");
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  private Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).GET());
  }

  private Answer postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(WAIT).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> report(String apiKey) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("service_code", "STREET_LIGHTING");
    form.put("address_string", "江岸区解放大道1000号");
    form.put("first_name", "芳");
    form.put("last_name", "王");
    form.put("phone", "13812349876");
    form.put("description", "路灯不亮已经三天");
    return form;
  }

  @Test
  void aPartnerReportsFormEncodedReadsItBackWithoutATokenAndItsRevokedKeyIsRefused() {
    assertThat(operator.post("/api/admin/partners", Map.of("name", "武汉城市通")).status()).isEqualTo(403);
    Reply created = admin.post("/api/admin/partners", Map.of("name", "武汉城市通", "contact", "对接人"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String partnerId = created.body().path("id").asString();
    String apiKey = created.body().path("apiKey").asString();

    Answer posted = postForm("/open311/v2/requests.xml", report(apiKey));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    assertThat(posted.contentType()).startsWith("text/xml");
    String ticketId = posted.body().replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
    assertThat(ticketId).matches("WH\\d{14}");
    assertThat(posted.body()).contains("<account_id/>");

    // once a second: the reads share one address's public budget (open311-reads) with every other test's
    await().atMost(WAIT).pollInterval(POLL).until(() -> get("/open311/v2/requests/" + ticketId + ".json").body()
        .contains("\"agency_responsible\":\"江岸区城管局\""));
    Answer read = get("/open311/v2/requests/" + ticketId + ".json");
    assertThat(read.contentType()).startsWith("application/json");
    assertThat(read.body()).contains("\"status\":\"open\"", "\"service_name\":\"路灯照明\"")
        .doesNotContain("王芳", "13812349876");
    Answer xml = get("/open311/v2/requests/" + ticketId + ".xml");
    assertThat(xml.contentType()).startsWith("text/xml");
    assertThat(xml.body()).contains("<service_request_id>" + ticketId + "</service_request_id>",
        "<status>open</status>", "<description>路灯不亮已经三天</description>",
        "<agency_responsible>江岸区城管局</agency_responsible>").doesNotContain("王芳", "13812349876");
    assertThat(operator.get("/api/complaints/" + ticketId).body().path("channel").asString()).isEqualTo("OPEN311");

    assertThat(admin.post("/api/admin/partners/" + partnerId + "/revoke", Map.of()).status()).isEqualTo(200);
    Answer refused = postForm("/open311/v2/requests.xml", report(apiKey));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<errors><error><code>403</code><description>api_key was revoked");
  }
}
