package city.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** 重复件 and search, through intake's HTTP API with its own events flowing over a real broker. */
class DuplicatesAndSearchIntegrationTest extends ServiceIntegrationTest {
  private static final AtomicInteger PHONES = new AtomicInteger();
  /** Each test works a block of its own, about 1 km apart, so tests never see each other's places. */
  private static final AtomicInteger PLACES = new AtomicInteger();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "intake-duplicates-it");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.intake.events");
  }

  private static Map<String, Object> call(String address, double longitude, double latitude) {
    Map<String, Object> body = new HashMap<>();
    body.put("callerName", "王芳");
    body.put("callerPhone", "1390000" + String.format("%04d", PHONES.incrementAndGet()));
    body.put("district", "WUCHANG");
    body.put("category", "SANITATION");
    body.put("urgency", "NORMAL");
    body.put("address", address);
    body.put("location", Map.of("longitude", longitude, "latitude", latitude));
    body.put("description", "小区门口垃圾堆积无人清运");
    return body;
  }

  private static double[] newBlock() {
    int n = PLACES.incrementAndGet();
    return new double[] {114.30 + n * 0.01, 30.55};
  }

  private String register(Map<String, Object> call) {
    Reply reply = as("OPERATOR").post("/api/complaints", call);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().path("ticketId").asString();
  }

  private List<String> candidates(Map<String, Object> probe) {
    Reply reply = as("OPERATOR").post("/api/complaints/duplicate-check", probe);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.body().valueStream().map(c -> c.path("ticketId").asString()).toList();
  }

  private JsonNode candidate(Map<String, Object> probe, String ticketId) {
    return as("OPERATOR").post("/api/complaints/duplicate-check", probe).body().valueStream()
        .filter(c -> c.path("ticketId").asString().equals(ticketId)).findFirst().orElseThrow();
  }

  @Test
  void aSecondCallFromTheSamePhoneIsFlaggedAsLikelyDuplicate() {
    double[] at = newBlock();
    Map<String, Object> first = call("武昌区中北路1号", at[0], at[1]);
    String earlier = register(first);
    Map<String, Object> second = call("洪山区珞喻路2号", at[0] + 0.005, at[1]);
    second.put("callerPhone", first.get("callerPhone"));
    second.put("category", "STREET_LIGHTING");

    assertThat(candidate(second, earlier).path("reasons").valueStream().map(JsonNode::asString).toList())
        .containsExactly("SAME_PHONE");
    Reply registered = as("OPERATOR").post("/api/complaints", second);
    assertThat(registered.body().path("likelyDuplicates").valueStream().map(JsonNode::asString).toList())
        .containsExactly(earlier);
    assertThat(registered.body().path("status").asString()).as("flagged, still registered as new").isEqualTo("REGISTERED");
  }

  @Test
  void theSameCategoryAtTheSameAddressOrWithinTheRadiusIsFlaggedAndFartherOrOtherCategoriesAreNot() {
    double[] at = newBlock();
    String earlier = register(call("武昌区中北路 88 号", at[0], at[1]));

    Map<String, Object> sameAddress = call("武昌区中北路８８号", at[0] + 0.003, at[1]); // full-width digits, 290 m away
    await().atMost(WAIT).until(() -> candidates(sameAddress).contains(earlier)); // indexed from intake's own event
    assertThat(candidate(sameAddress, earlier).path("reasons").valueStream().map(JsonNode::asString).toList())
        .containsExactly("SAME_ADDRESS");

    Map<String, Object> eightyMetresAway = call("武昌区中北路90号", at[0], at[1] + 80 / 111_320.0);
    JsonNode near = candidate(eightyMetresAway, earlier);
    assertThat(near.path("reasons").valueStream().map(JsonNode::asString).toList()).containsExactly("NEARBY");
    assertThat(near.path("distanceMeters").asInt()).isBetween(79, 81);

    assertThat(candidates(call("武昌区中北路120号", at[0], at[1] + 150 / 111_320.0))).doesNotContain(earlier);
    Map<String, Object> otherCategory = call("武昌区中北路88号", at[0], at[1] + 30 / 111_320.0);
    otherCategory.put("category", "STREET_LIGHTING");
    assertThat(candidates(otherCategory)).doesNotContain(earlier);
  }

  @Test
  void aClosedTicketIsNoLongerADuplicateCandidate() {
    double[] at = newBlock();
    String earlier = register(call("武昌区武珞路5号", at[0], at[1]));
    Map<String, Object> again = call("武昌区武珞路5号", at[0], at[1]);
    await().atMost(WAIT).until(() -> candidates(again).contains(earlier));

    probe.publish("hotline.feedback.events", earlier, closed(earlier));

    await().atMost(WAIT).until(() -> !candidates(again).contains(earlier));
  }

  @Test
  void aCallMergedAtRegistrationIsNeverDispatchedAndShowsOnTheOriginalAsAnExtraCaller() {
    double[] at = newBlock();
    String original = register(call("武昌区友谊大道10号", at[0], at[1]));
    Map<String, Object> repeat = call("武昌区友谊大道10号", at[0], at[1]);
    repeat.put("callerName", "赵敏");
    repeat.put("duplicateOf", original);

    Reply merged = as("OPERATOR").post("/api/complaints", repeat);

    assertThat(merged.status()).isEqualTo(201);
    String duplicate = merged.body().path("ticketId").asString();
    assertThat(merged.body().path("status").asString()).isEqualTo("MERGED");
    assertThat(merged.body().path("mergedInto").asString()).isEqualTo(original);
    await().atMost(WAIT).until(() -> !probe.events(duplicate).isEmpty());
    assertThat(probe.events(duplicate).get(0).path("payload").path("duplicateOf").asString()).isEqualTo(original);
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode shown = as("OPERATOR").get("/api/complaints/" + original).body();
      assertThat(shown.path("duplicateCalls").get(0).path("ticketId").asString()).isEqualTo(duplicate);
      assertThat(shown.path("duplicateCalls").get(0).path("callerName").asString()).isEqualTo("赵敏");
      assertThat(shown.path("timeline").valueStream().map(t -> t.path("note").asString()))
          .contains("重复来电 " + duplicate + " 并入本工单");
    });
    assertThat(as("LEADER").get("/api/complaints/" + original).body().path("duplicateCalls").get(0)
        .path("callerPhone").asString()).contains("****");
  }

  @Test
  void aTicketIsMergedAfterRegistrationOnlyIntoAnEarlierOpenOneAndOnlyBeforeAUnitClaimsIt() {
    double[] at = newBlock();
    String original = register(call("武昌区徐东大街1号", at[0], at[1]));
    String later = register(call("武昌区徐东大街1号", at[0], at[1]));
    String claimed = register(call("武昌区徐东大街1号", at[0], at[1]));
    probe.publish("hotline.dispatch.events", claimed, claimedEvent(claimed));
    await().atMost(WAIT).until(() -> as("OPERATOR").get("/api/complaints/" + claimed).body()
        .path("status").asString().equals("CLAIMED"));

    Reply merged = as("OPERATOR").post("/api/complaints/" + later + "/merge", Map.of("originalTicketId", original));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.body().path("status").asString()).isEqualTo("MERGED");
    await().atMost(WAIT).until(() -> probe.events(later).stream()
        .anyMatch(e -> e.path("eventType").asString().equals("ComplaintMerged")
            && e.path("payload").path("originalTicketId").asString().equals(original)));
    assertThat(as("OPERATOR").post("/api/complaints/" + later + "/merge", Map.of("originalTicketId", original)).status())
        .as("the same merge again").isEqualTo(200);
    await().atMost(WAIT).until(() -> as("OPERATOR").get("/api/complaints/" + original).body()
        .path("duplicateCalls").size() == 1);

    assertThat(as("OPERATOR").post("/api/complaints/" + claimed + "/merge", Map.of("originalTicketId", original))
        .body().path("detail").asString()).contains("CLAIMED");
    assertThat(as("OPERATOR").post("/api/complaints/" + original + "/merge", Map.of("originalTicketId", claimed))
        .status()).as("into a later ticket").isEqualTo(409);
    Reply unknown = as("OPERATOR").post("/api/complaints/" + claimed + "/merge", Map.of("originalTicketId", "WH20000101000001"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("errors").get(0).path("field").asString()).isEqualTo("originalTicketId");
    assertThat(as("LEADER").post("/api/complaints/" + later + "/merge", Map.of("originalTicketId", original)).status())
        .isEqualTo(403);
    assertThat(candidates(call("武昌区徐东大街1号", at[0], at[1]))).as("merged ones are not open")
        .contains(original, claimed).doesNotContain(later);
  }

  /** 突发预警: the dispatch desk merges the repeated calls behind a surge alert, and registers nothing itself. */
  @Test
  void aDispatcherMergesARepeatedCallButRegistersNone() {
    double[] at = newBlock();
    String original = register(call("武昌区中北路9号", at[0], at[1]));
    String repeat = register(call("武昌区中北路9号", at[0], at[1]));

    Reply merged = as("DISPATCHER").post("/api/complaints/" + repeat + "/merge", Map.of("originalTicketId", original));

    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.body().path("status").asString()).isEqualTo("MERGED");
    assertThat(merged.body().path("mergedInto").asString()).isEqualTo(original);
    assertThat(as("DISPATCHER").post("/api/complaints", call("武昌区中北路9号", at[0], at[1])).status()).isEqualTo(403);
    assertThat(as("DISPATCHER").post("/api/complaints/duplicate-check", call("武昌区中北路9号", at[0], at[1])).status())
        .isEqualTo(403);
    assertThat(as("BUREAU", "WUCHANG_CGJ").post("/api/complaints/" + repeat + "/merge",
        Map.of("originalTicketId", original)).status()).isEqualTo(403);
  }

  @Test
  void operatorsAndLeadersSearchByFiltersAndWordsNewestFirstPageByPage() {
    String word = "测试" + UUID.randomUUID().toString().substring(0, 8);
    double[] at = newBlock();
    Map<String, Object> first = call("武昌区八一路1号", at[0], at[1]);
    first.put("description", "垃圾桶满溢 " + word);
    Map<String, Object> second = call("武昌区八一路2号", at[0], at[1]);
    second.put("description", "夜间施工噪音 " + word);
    second.put("category", "CONSTRUCTION_NOISE");
    second.put("urgency", "URGENT");
    Map<String, Object> third = call("武昌区八一路3号", at[0], at[1]);
    third.put("description", "垃圾清运不及时 " + word);
    String a = register(first);
    String b = register(second);
    String c = register(third);
    probe.publish("hotline.dispatch.events", c, claimedEvent(c));

    await().atMost(WAIT).until(() -> search("q=" + word + "&status=CLAIMED").path("total").asInt() == 1);
    JsonNode all = search("q=" + word);
    assertThat(ids(all)).containsExactly(c, b, a);
    assertThat(all.path("total").asInt()).isEqualTo(3);
    assertThat(all.path("complete").asBoolean()).isTrue();
    assertThat(ids(search("q=" + word + "&sort=oldest"))).containsExactly(a, b, c);
    assertThat(ids(search("q=" + word + "&category=CONSTRUCTION_NOISE&urgency=URGENT"))).containsExactly(b);
    assertThat(ids(search("q=" + word + "%20垃圾"))).containsExactly(c, a);
    assertThat(ids(search("q=" + word + "&status=CLAIMED"))).containsExactly(c);
    assertThat(ids(search("q=" + word + "&status=REGISTERED"))).containsExactly(b, a);
    JsonNode secondPage = search("q=" + word + "&size=2&page=1");
    assertThat(ids(secondPage)).containsExactly(a);
    assertThat(secondPage.path("total").asInt()).isEqualTo(3);
    assertThat(search("q=" + word + "&from=2000-01-01&to=2000-01-02").path("total").asInt()).isZero();

    Reply leader = as("LEADER").get("/api/complaints?q=" + word);
    assertThat(leader.body().path("items").get(0).path("callerPhone").asString()).contains("****");
    assertThat(as("BUREAU", "WUCHANG_CGJ").get("/api/complaints?q=" + word).status()).isEqualTo(403);
    Reply bad = as("OPERATOR").get("/api/complaints?status=LOST&size=500&to=tomorrow");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactlyInAnyOrder("status", "size", "to");
  }

  private JsonNode search(String query) {
    Reply reply = as("OPERATOR").get("/api/complaints?" + query);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.body();
  }

  private static List<String> ids(JsonNode page) {
    return page.path("items").valueStream().map(i -> i.path("ticketId").asString()).toList();
  }

  private static String claimedEvent(String ticketId) {
    return """
        {"eventId":"%s","eventType":"CaseClaimed","schemaVersion":1,"occurredAt":"%s","ticketId":"%s","producer":"dispatch-service",
         "payload":{"facts":{"district":"WUCHANG","category":"SANITATION","urgency":"NORMAL","unitId":"WUCHANG_CGJ"},"actor":"bureau","onTime":true}}
        """.formatted(UUID.randomUUID(), Instant.now().plusSeconds(1), ticketId);
  }

  private static String closed(String ticketId) {
    return """
        {"eventId":"%s","eventType":"CaseClosed","schemaVersion":1,"occurredAt":"%s","ticketId":"%s","producer":"feedback-service",
         "payload":{"facts":{"district":"WUCHANG","category":"SANITATION","urgency":"NORMAL","unitId":"WUCHANG_CGJ"},"outcome":"SATISFIED","actor":"operator"}}
        """.formatted(UUID.randomUUID(), Instant.now().plusSeconds(1), ticketId);
  }
}
