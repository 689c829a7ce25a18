package city.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** 路由规则 and units as data, through the service's HTTP API: edits route the next case, and every change is a version. */
class RoutingAdminIntegrationTest extends ServiceIntegrationTest {
  private static final String RULES = "/api/admin/routing-rules/";
  private static final AtomicLong SEQUENCE = new AtomicLong();

  @Autowired
  EventCodec codec;
  @Autowired
  RuleRepository rules;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "dispatch-routing-admin-it");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.dispatch.events");
  }

  private HttpJson admin() {
    return as("ADMIN");
  }

  /** A registration as intake publishes it; returns the case once dispatch has routed it. */
  private JsonNode registerAndRoute(String district, String category) {
    String ticketId = "WH20261124" + String.format("%06d", SEQUENCE.incrementAndGet());
    ComplaintRegistered registered = new ComplaintRegistered(new CaseFacts(district, category, "NORMAL", null), "李四",
        "13912345678", false, "PHONE", "COMPLAINT", "解放大道1号", "路灯不亮", "operator", false, null, null, null, null, null);
    probe.publish("hotline.intake.events", ticketId, codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED,
        ticketId, "intake-service", Instant.now(), registered)));
    await().atMost(WAIT).until(() -> as("DISPATCHER").get("/api/cases/" + ticketId).status() == 200);
    return as("DISPATCHER").get("/api/cases/" + ticketId).body();
  }

  private static String dispatchNote(JsonNode kase) {
    return kase.path("audit").get(0).path("note").asString();
  }

  private String ruleIdPublishedFor(JsonNode kase) {
    String ticketId = kase.path("ticketId").asString();
    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty());
    return probe.events(ticketId).get(0).path("payload").path("ruleId").asString();
  }

  private static List<Integer> versions(Reply history) {
    return history.body().valueStream().map(v -> v.path("version").asInt()).toList();
  }

  @Test
  void aRuleAddedAndChangedRoutesTheNextRegistrationAndTheCaseRecordsTheVersion() {
    Reply created = admin().put(RULES + "HANNAN/STREET_LIGHTING", Map.of("unitId", "CITY_PARKS_FORESTRY_BUREAU"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("version").asInt()).isEqualTo(1);
    assertThat(created.body().path("unitName").asString()).isEqualTo("市园林和林业局");
    assertThat(created.body().path("updatedBy").asString()).isEqualTo("admin");
    JsonNode first = registerAndRoute("HANNAN", "STREET_LIGHTING");
    assertThat(first.path("unitId").asString()).isEqualTo("CITY_PARKS_FORESTRY_BUREAU");
    assertThat(dispatchNote(first)).contains("rule HANNAN|STREET_LIGHTING v1");

    Reply changed = admin().put(RULES + "HANNAN/STREET_LIGHTING", Map.of("unitId", "CITY_GAS_CENTRE"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().path("version").asInt()).isEqualTo(2);
    JsonNode second = registerAndRoute("HANNAN", "STREET_LIGHTING");
    assertThat(second.path("unitId").asString()).isEqualTo("CITY_GAS_CENTRE");
    assertThat(dispatchNote(second)).contains("rule HANNAN|STREET_LIGHTING v2");
    assertThat(ruleIdPublishedFor(second)).isEqualTo("HANNAN|STREET_LIGHTING@v2");

    Reply again = admin().put(RULES + "HANNAN/STREET_LIGHTING", Map.of("unitId", "CITY_GAS_CENTRE"));
    assertThat(again.status()).as("the same PUT again (a retry) makes no version").isEqualTo(200);
    assertThat(again.body().path("version").asInt()).isEqualTo(2);
  }

  @Test
  void aRetiredRuleFallsThroughToTheNextMostSpecificAndAPutReactivatesItAsANewVersion() {
    assertThat(admin().put(RULES + "CAIDIAN/SANITATION", Map.of("unitId", "CITY_PARKS_FORESTRY_BUREAU")).status())
        .isEqualTo(201);
    Reply retired = admin().delete(RULES + "CAIDIAN/SANITATION");
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.body().path("active").asBoolean()).isFalse();
    assertThat(retired.body().path("version").asInt()).isEqualTo(2);
    assertThat(admin().delete(RULES + "CAIDIAN/SANITATION").body().path("version").asInt())
        .as("retiring a retired rule makes no version").isEqualTo(2);

    JsonNode kase = registerAndRoute("CAIDIAN", "SANITATION");
    assertThat(kase.path("unitId").asString()).isEqualTo("CAIDIAN_CGJ");
    assertThat(dispatchNote(kase)).contains("rule CAIDIAN|* v1");

    Reply reactivated = admin().put(RULES + "CAIDIAN/SANITATION", Map.of("unitId", "CITY_PARKS_FORESTRY_BUREAU"));
    assertThat(reactivated.status()).isEqualTo(200);
    assertThat(reactivated.body().path("version").asInt()).isEqualTo(3);
    assertThat(reactivated.body().path("active").asBoolean()).isTrue();
    assertThat(registerAndRoute("CAIDIAN", "SANITATION").path("unitId").asString()).isEqualTo("CITY_PARKS_FORESTRY_BUREAU");

    Reply history = admin().get(RULES + "CAIDIAN/SANITATION/history");
    assertThat(versions(history)).containsExactly(3, 2, 1);
    assertThat(history.body().valueStream().map(v -> v.path("active").asBoolean()).toList())
        .containsExactly(true, false, true);
    history.body().valueStream().forEach(v -> {
      assertThat(v.path("updatedBy").asString()).isEqualTo("admin");
      assertThat(Instant.parse(v.path("updatedAt").asString())).isBefore(Instant.now());
      assertThat(v.path("unitId").asString()).isEqualTo("CITY_PARKS_FORESTRY_BUREAU");
    });
  }

  @Test
  void seededRulesAreVersionOneBySeedListedByKeyWithTheirHistory() {
    List<JsonNode> all = admin().get("/api/admin/routing-rules").body().valueStream().toList();
    List<String> keys = all.stream().map(r -> r.path("district").asString() + "|" + r.path("category").asString()).toList();
    assertThat(keys).isSorted().contains("JIANGAN|*", "*|GAS_SAFETY");
    JsonNode jiangan = all.get(keys.indexOf("JIANGAN|*"));
    assertThat(jiangan.path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(jiangan.path("unitName").asString()).isEqualTo("江岸区城管局");
    assertThat(jiangan.path("version").asInt()).isEqualTo(1);
    assertThat(jiangan.path("active").asBoolean()).isTrue();
    assertThat(jiangan.path("updatedBy").asString()).isEqualTo("seed");

    Reply one = admin().get(RULES + "*/GAS_SAFETY");
    assertThat(one.body().path("unitId").asString()).isEqualTo("CITY_GAS_CENTRE");
    Reply history = admin().get(RULES + "*/GAS_SAFETY/history");
    assertThat(versions(history)).containsExactly(1);
    assertThat(history.body().get(0).path("updatedBy").asString()).isEqualTo("seed");
    assertThat(admin().get(RULES + "HANNAN/SNOW_ICE/history").status()).isEqualTo(404);
  }

  @Test
  void badInputIsA400NamingEachFieldAndAnUnknownRuleIs404() {
    Reply bad = admin().put(RULES + "NOWHERE/NOTHING", Map.of("unitId", "NO_SUCH_UNIT"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactly("district", "category", "unitId");
    assertThat(admin().put(RULES + "*/*", Map.of("unitId", "JIANGAN_CGJ")).body().path("errors").valueStream()
        .map(e -> e.path("field").asString())).containsExactly("district", "category");
    assertThat(admin().put(RULES + "JIANGAN/OTHER", Map.of()).body().path("errors").get(0).path("field").asString())
        .isEqualTo("unitId");
    assertThat(admin().put(RULES + "JIANGAN/OTHER", "not json").body().path("errors").get(0).path("field").asString())
        .isEqualTo("body");
    Reply badTag = admin().withHeader("If-Match", "latest").put(RULES + "JIANGAN/OTHER", Map.of("unitId", "JIANGAN_CGJ"));
    assertThat(badTag.body().path("errors").get(0).path("field").asString()).isEqualTo("If-Match");
    assertThat(admin().delete(RULES + "JIANGAN/SNOW_ICE").status()).isEqualTo(404);
    assertThat(admin().get(RULES + "JIANGAN/OTHER").status()).as("nothing was stored").isEqualTo(404);
  }

  @Test
  void onlyAdminsReachTheAdminPathsAndAnyoneSignedInListsTheActiveUnits() {
    assertThat(as("DISPATCHER").get("/api/admin/routing-rules").status()).isEqualTo(403);
    assertThat(as("LEADER").get(RULES + "JIANGAN/*/history").status()).isEqualTo(403);
    assertThat(as("BUREAU", "WUCHANG_CGJ").put(RULES + "WUCHANG/OTHER", Map.of("unitId", "WUCHANG_CGJ")).status())
        .isEqualTo(403);
    assertThat(as("BUREAU", "WUCHANG_CGJ").delete(RULES + "WUCHANG/*").status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/admin/units").status()).isEqualTo(403);
    assertThat(as("DISPATCHER").put("/api/admin/units/X_UNIT", Map.of("name", "x", "active", true)).status())
        .isEqualTo(403);
    assertThat(anonymous().get("/api/admin/routing-rules").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/units").status()).isEqualTo(401);
    assertThat(admin().get(RULES + "WUCHANG/*").body().path("version").asInt()).as("unchanged").isEqualTo(1);

    for (HttpJson anyone : List.of(as("BUREAU", "WUCHANG_CGJ"), as("DISPATCHER"), as("OPERATOR"), as("LEADER"), admin())) {
      Reply units = anyone.get("/api/units");
      assertThat(units.status()).isEqualTo(200);
      List<String> ids = units.body().valueStream().map(u -> u.path("id").asString()).toList();
      assertThat(ids).isSorted().contains("JIANGAN_CGJ", "CITY_GAS_CENTRE");
      assertThat(units.body().get(0).propertyNames()).containsExactlyInAnyOrder("id", "name");
    }
  }

  @Test
  void unitsAreDataAndAUnitActiveRulesRouteToCannotBeRetired() {
    Reply created = admin().put("/api/admin/units/QINGSHAN_DRAINAGE_TEAM", Map.of("name", "青山区排水所", "active", true));
    assertThat(created.status()).isEqualTo(201);
    assertThat(as("DISPATCHER").get("/api/units").body().valueStream().map(u -> u.path("id").asString()))
        .contains("QINGSHAN_DRAINAGE_TEAM");
    assertThat(admin().put(RULES + "QINGSHAN/DRAINAGE", Map.of("unitId", "QINGSHAN_DRAINAGE_TEAM")).status())
        .isEqualTo(201);

    Reply refused = admin().put("/api/admin/units/QINGSHAN_DRAINAGE_TEAM", Map.of("name", "青山区排水所", "active", false));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asString()).contains("QINGSHAN|DRAINAGE");

    assertThat(admin().delete(RULES + "QINGSHAN/DRAINAGE").status()).isEqualTo(200);
    Reply retired = admin().put("/api/admin/units/QINGSHAN_DRAINAGE_TEAM", Map.of("name", "青山区排水所", "active", false));
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.body().path("active").asBoolean()).isFalse();
    assertThat(as("DISPATCHER").get("/api/units").body().valueStream().map(u -> u.path("id").asString()))
        .doesNotContain("QINGSHAN_DRAINAGE_TEAM");
    JsonNode inAdminList = admin().get("/api/admin/units").body().valueStream()
        .filter(u -> u.path("id").asString().equals("QINGSHAN_DRAINAGE_TEAM")).findFirst().orElseThrow();
    assertThat(inAdminList.path("active").asBoolean()).isFalse();
    assertThat(inAdminList.path("updatedBy").asString()).isEqualTo("admin");

    Reply toRetired = admin().put(RULES + "QINGSHAN/DRAINAGE", Map.of("unitId", "QINGSHAN_DRAINAGE_TEAM"));
    assertThat(toRetired.status()).isEqualTo(400);
    assertThat(toRetired.body().path("errors").get(0).path("field").asString()).isEqualTo("unitId");
    assertThat(admin().put("/api/admin/units/bad-id", Map.of("name", " ")).body().path("errors").valueStream()
        .map(e -> e.path("field").asString())).containsExactly("id", "name", "active");
  }

  @Test
  void ofTwoAdminsEditingTheSameVersionExactlyOneGets409() throws Exception {
    assertThat(admin().put(RULES + "HONGSHAN/GREENERY", Map.of("unitId", "HONGSHAN_CGJ")).status()).isEqualTo(201);
    List<Integer> statuses = concurrently(List.of("CITY_PARKS_FORESTRY_BUREAU", "CITY_GAS_CENTRE"),
        unit -> admin().withHeader("If-Match", "\"1\"").put(RULES + "HONGSHAN/GREENERY", Map.of("unitId", unit)).status());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(versions(admin().get(RULES + "HONGSHAN/GREENERY/history"))).containsExactly(2, 1);
  }

  @Test
  void simultaneousEditsWithoutIfMatchEachGetAVersionOfTheirOwnOrA409AndNoneIsLost() throws Exception {
    assertThat(admin().put(RULES + "XINZHOU/DRAINAGE", Map.of("unitId", "XINZHOU_CGJ")).status()).isEqualTo(201);
    List<String> targets = List.of("JIANGAN_CGJ", "JIANGHAN_CGJ", "QIAOKOU_CGJ", "HANYANG_CGJ", "WUCHANG_CGJ", "QINGSHAN_CGJ");
    List<Reply> replies = concurrently(targets,
        unit -> admin().put(RULES + "XINZHOU/DRAINAGE", Map.of("unitId", unit)));
    List<Reply> applied = replies.stream().filter(r -> r.status() == 200).toList();
    assertThat(replies).allMatch(r -> r.status() == 200 || r.status() == 409);
    assertThat(applied).isNotEmpty();
    List<Integer> appliedVersions = applied.stream().map(r -> r.body().path("version").asInt()).toList();
    assertThat(appliedVersions).doesNotHaveDuplicates();

    Reply history = admin().get(RULES + "XINZHOU/DRAINAGE/history");
    assertThat(versions(history)).hasSize(1 + applied.size()); // every applied edit, and nothing else, is a version
    assertThat(history.body().valueStream().map(v -> v.path("unitId").asString()).toList().subList(0, applied.size()))
        .containsExactlyInAnyOrderElementsOf(applied.stream().map(r -> r.body().path("unitId").asString()).toList());
  }

  @Test
  void aChangeACrashLeftOnlyJournaledIsFinishedByTheNextEditWhichIsRefused() {
    assertThat(admin().put(RULES + "HUANGPI/DUST_POLLUTION", Map.of("unitId", "HUANGPI_CGJ")).status()).isEqualTo(201);
    // A replica journaled version 2 and died before applying it.
    rules.journal(new RuleVersion("HUANGPI", "DUST_POLLUTION", "CITY_GAS_CENTRE", 2, true, "admin", Instant.now()),
        "crashed-change");

    assertThat(admin().put(RULES + "HUANGPI/DUST_POLLUTION", Map.of("unitId", "JIANGXIA_CGJ")).status()).isEqualTo(409);
    JsonNode rule = admin().get(RULES + "HUANGPI/DUST_POLLUTION").body();
    assertThat(rule.path("version").asInt()).isEqualTo(2);
    assertThat(rule.path("unitId").asString()).as("the journaled change was finished").isEqualTo("CITY_GAS_CENTRE");
    Reply retry = admin().put(RULES + "HUANGPI/DUST_POLLUTION", Map.of("unitId", "JIANGXIA_CGJ"));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().path("version").asInt()).isEqualTo(3);
    assertThat(versions(admin().get(RULES + "HUANGPI/DUST_POLLUTION/history"))).containsExactly(3, 2, 1);
  }

  /** Runs one call per input at the same moment and returns the results in input order. */
  private static <T, R> List<R> concurrently(List<T> inputs, java.util.function.Function<T, R> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T input : inputs) {
        Callable<R> task = () -> {
          start.await();
          return call.apply(input);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
