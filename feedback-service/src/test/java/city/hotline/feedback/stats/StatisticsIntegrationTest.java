package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.EventEnvelope;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The hand-worked {@link Scenario} through Kafka and the dashboard API: the figures are the hand count,
 * the same after the whole log is delivered again in another order, and the same after a rebuild of the
 * read model from the topics.
 */
class StatisticsIntegrationTest extends ServiceIntegrationTest {
  private static final List<String> TOPICS = List.of("hotline.intake.events", "hotline.dispatch.events",
      "hotline.feedback.events");
  private static final String PERIOD = "from=" + Scenario.DAY_1 + "&to=" + Scenario.DAY_2;

  @Autowired
  EventCodec codec;
  @Autowired
  StatsProgress stats;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "statistics-it");
    registry.add("hotline.stats.rollup-interval", () -> "200ms");
    registry.add("hotline.stats.refresh-interval", () -> "200ms");
    registry.add("hotline.stats.rebuild-handover", () -> "1s");
    registry.add("hotline.stats.three-rates.minimum-volume", () -> "2"); // the scenario's units have one or two cases
    // The scenario's return visits are long past their deadline: the no-response clock would close them (and publish
    // CaseClosed of its own) whenever a pass falls between a visit's CaseResolved and its CaseClosed; only its first
    // pass, at start, runs here.
    registry.add("hotline.visits.clock-interval", () -> "1h");
  }

  @Override
  protected List<String> probedTopics() {
    return TOPICS;
  }

  private void publish(List<EventEnvelope<?>> events) {
    for (EventEnvelope<?> e : events) {
      String topic = switch (e.producer()) {
        case "intake-service" -> "hotline.intake.events";
        case "dispatch-service" -> "hotline.dispatch.events";
        default -> "hotline.feedback.events";
      };
      probe.publish(topic, e.ticketId(), codec.encode(e));
    }
  }

  private void awaitCounted() {
    await().atMost(WAIT).until(() -> TOPICS.stream().allMatch(t -> probe.caughtUp("feedback-statistics", t))
        && stats.settled());
  }

  /** Everything the dashboard shows for the scenario's two days, as one text to compare. */
  private String figures() {
    StringBuilder all = new StringBuilder();
    for (String path : List.of("/api/dashboard/summary?" + PERIOD, "/api/dashboard/summary?" + PERIOD + "&unitId=WUCHANG_CGJ",
        "/api/dashboard/summary?from=" + Scenario.DAY_1 + "&to=" + Scenario.DAY_1,
        "/api/dashboard/ranking?" + PERIOD + "&by=district", "/api/dashboard/ranking?" + PERIOD + "&by=unit",
        "/api/dashboard/trend?" + PERIOD + "&interval=day", "/api/dashboard/categories?" + PERIOD,
        "/api/dashboard/ranking?" + PERIOD + "&by=unit&scheme=three-rates", "/api/dashboard/hotspots?" + PERIOD)) {
      Reply reply = as("LEADER").get(path);
      assertThat(reply.status()).as(path).isEqualTo(200);
      all.append(path).append(" -> ").append(reply.body()).append('\n');
    }
    return all.toString();
  }

  @Test
  void theFiguresAreTheHandCountAfterAReplayInAnotherOrderAndAfterARebuild() {
    List<EventEnvelope<?>> events = new Scenario("WH20261102").events();
    publish(events);
    awaitCounted();

    JsonNode summary = as("LEADER").get("/api/dashboard/summary?" + PERIOD).body();
    assertThat(summary.path("received").asLong()).isEqualTo(6);
    assertThat(summary.path("dispatched").asLong()).isEqualTo(4);
    assertThat(summary.path("closureRate").path("numerator").asLong()).isEqualTo(4);
    assertThat(summary.path("closureRate").path("denominator").asLong()).isEqualTo(6);
    assertThat(summary.path("onTimeResolutionRate").path("numerator").asLong()).isEqualTo(2);
    assertThat(summary.path("satisfactionRate").path("denominator").asLong()).isEqualTo(1);
    assertThat(summary.path("handlingHours").path("mean").asDouble()).isEqualTo(13.0);
    assertThat(summary.path("consultations").asLong()).isEqualTo(1);
    assertThat(summary.path("answeredFromKnowledge").asLong()).isEqualTo(1);
    assertThat(summary.path("knowledgeAnswerRate").path("numerator").asLong()).as("T4, from an article").isEqualTo(1);
    assertThat(summary.path("knowledgeAnswerRate").path("denominator").asLong()).isEqualTo(1);
    JsonNode ranking = as("LEADER").get("/api/dashboard/ranking?" + PERIOD + "&by=district").body();
    assertThat(ranking.path("items").get(0).path("code").asString()).isEqualTo("HONGSHAN");
    assertThat(ranking.path("items").get(0).path("name").asString()).isEqualTo("洪山区");
    JsonNode units = as("LEADER").get("/api/dashboard/ranking?" + PERIOD + "&by=unit").body();
    assertThat(units.path("items").valueStream().map(u -> u.path("name").asString()))
        .as("unit names as dispatch gave them").contains("WUCHANG_CGJ名", "JIANGAN_CGJ名", "HONGSHAN_CGJ名");
    String counted = figures();

    List<EventEnvelope<?>> again = new ArrayList<>(events);
    Collections.shuffle(again, new Random(12345));
    publish(again); // the whole log delivered a second time, each producer's events in another order
    awaitCounted();
    assertThat(figures()).isEqualTo(counted);

    Reply started = as("ADMIN").post("/api/admin/stats/rebuild", Map.of());
    assertThat(started.status()).isEqualTo(202);
    int generation = started.body().path("rebuild").path("generation").asInt();
    assertThat(as("ADMIN").post("/api/admin/stats/rebuild", Map.of()).status()).as("one at a time").isEqualTo(409);
    await().atMost(WAIT).until(() -> {
      JsonNode status = as("ADMIN").get("/api/admin/stats/rebuild").body();
      return status.path("rebuild").path("state").asString().equals("DONE")
          && status.path("readGeneration").asInt() == generation && status.path("settled").asBoolean();
    });
    JsonNode status = as("ADMIN").get("/api/admin/stats/rebuild").body();
    assertThat(status.path("rebuild").path("records").asLong()).isEqualTo(2L * events.size());
    assertThat(figures()).isEqualTo(counted);
    exportsListTheRankingAndEveryCase();
    threeRatesRankTheUnitsWithTheirRedAndBlackLists();
    hotspotsAreTheCellsThatRose();
    aLeaderOpensAGovernanceTopicAndFollowsItsWeeks();
  }

  /** 三率 by unit: 江岸区城管局 (two cases dispatched) is ranked; the others, with one each, are shown unranked. */
  private void threeRatesRankTheUnitsWithTheirRedAndBlackLists() {
    JsonNode ranking = as("LEADER").get("/api/dashboard/ranking?" + PERIOD + "&by=unit&scheme=three-rates").body();
    assertThat(ranking.path("scheme").asString()).isEqualTo("three-rates");
    assertThat(ranking.path("weights").path("solvedRate").asDouble()).isEqualTo(0.45);
    assertThat(ranking.path("minimumVolume").asInt()).isEqualTo(2);
    JsonNode first = ranking.path("items").get(0);
    assertThat(first.path("code").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(first.path("responseRate").path("numerator").asLong()).isEqualTo(1);
    assertThat(first.path("responseRate").path("denominator").asLong()).isEqualTo(2);
    assertThat(first.path("solvedRate").path("rate").asDouble()).as("T1: said solved").isEqualTo(1.0);
    assertThat(first.path("score").asDouble()).isCloseTo(95.0, within(1e-9));
    assertThat(ranking.path("items").get(1).path("ranked").asBoolean()).isFalse();
    assertThat(ranking.path("items").get(1).path("rank").isNull()).isTrue();
    assertThat(ranking.path("red").valueStream().map(i -> i.path("code").asString())).containsExactly("JIANGAN_CGJ");
    assertThat(ranking.path("black").isArray()).isTrue();
    assertThat(as("LEADER").get("/api/dashboard/ranking?" + PERIOD + "&scheme=three-rates").body()
        .path("items").size()).as("every district").isEqualTo(16);

    HttpJson.Download csv = as("LEADER")
        .download("/api/dashboard/export/ranking?" + PERIOD + "&by=unit&scheme=three-rates&format=csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF排名,代码,名称,派单量,响应率,");
    assertThat(text.lines().toList()).contains("1,JIANGAN_CGJ,JIANGAN_CGJ名,2,50.0%,1,2,100.0%,1,1,100.0%,1,1,95.0,是",
        "红榜", "黑榜");
    HttpJson.Download xlsx = as("LEADER")
        .download("/api/dashboard/export/ranking?" + PERIOD + "&by=unit&scheme=three-rates&format=xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(workbook.getSheetAt(0).getLastRowNum()).as("three units under the header").isEqualTo(3);
      var roll = workbook.getSheet("红黑榜");
      assertThat(roll.getRow(0).getCell(0).getStringCellValue()).isEqualTo("红榜");
      assertThat(roll.getRow(2).getCell(1).getStringCellValue()).isEqualTo("JIANGAN_CGJ");
      assertThat(roll.getRow(4).getCell(0).getStringCellValue()).isEqualTo("黑榜");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** 每月一题 candidates: nothing came in the two days before, so every cell with calls rose, 江岸 环境卫生 most. */
  private void hotspotsAreTheCellsThatRose() {
    JsonNode hotspots = as("LEADER").get("/api/dashboard/hotspots?" + PERIOD).body();
    assertThat(hotspots.path("previous").path("from").asString()).isEqualTo("2026-10-31");
    assertThat(hotspots.path("yearAgo").path("to").asString()).isEqualTo("2025-11-03");
    JsonNode top = hotspots.path("items").get(0);
    assertThat(top.path("category").asString()).isEqualTo("SANITATION");
    assertThat(top.path("districtName").asString()).isEqualTo("江岸区");
    assertThat(top.path("received").asLong()).isEqualTo(3);
    assertThat(top.path("rise").asLong()).isEqualTo(3);
    assertThat(top.path("riseRate").isNull()).isTrue();
    assertThat(hotspots.path("items").size()).isEqualTo(4);
  }

  /** 每月一题: a bad topic names each field; a good one is GT000001 and its page follows its calls week by week. */
  private void aLeaderOpensAGovernanceTopicAndFollowsItsWeeks() {
    Reply bad = as("LEADER").post("/api/dashboard/topics", Map.of("title", "", "leadUnitId", "jiangan",
        "categories", List.of(), "districts", List.of("GOTHAM"), "target", "", "from", "2026-11-30", "to", "30/11/2026"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").valueStream().map(e -> e.path("field").asString()))
        .as("a malformed day named with the rest").containsExactly("title", "leadUnitId", "categories", "districts",
            "target", "to");
    Reply created = as("LEADER").post("/api/dashboard/topics", Map.of("title", "江岸环境卫生整治", "leadUnitId",
        "JIANGAN_CGJ", "categories", List.of("SANITATION"), "districts", List.of("JIANGAN"), "target", "来电量下降三成",
        "from", Scenario.DAY_1.toString(), "to", Scenario.DAY_1.plusDays(6).toString()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("id").asString()).isEqualTo("GT000001");
    assertThat(created.body().path("leadUnitName").asString()).isEqualTo("JIANGAN_CGJ名");
    assertThat(created.body().has("weeks")).isFalse();
    assertThat(as("LEADER").get("/api/dashboard/topics").body().path("items").get(0).path("id").asString())
        .isEqualTo("GT000001");
    JsonNode topic = as("LEADER").get("/api/dashboard/topics/GT000001").body();
    List<JsonNode> weeks = topic.path("weeks").valueStream().toList();
    assertThat(weeks.get(0).path("week").asString()).as("eight weeks before").isEqualTo("2026-09-07");
    assertThat(weeks.get(0).path("phase").asString()).isEqualTo("BEFORE");
    assertThat(weeks).filteredOn(w -> w.path("week").asString().equals(Scenario.DAY_1.toString())).singleElement()
        .satisfies(w -> {
          assertThat(w.path("phase").asString()).isEqualTo("DURING");
          assertThat(w.path("received").asLong()).as("T1, T2, T5").isEqualTo(3);
          assertThat(w.path("closureRate").path("numerator").asLong()).isEqualTo(2);
        });
    assertThat(weeks.get(weeks.size() - 1).path("phase").asString()).isEqualTo("AFTER");
    assertThat(as("LEADER").get("/api/dashboard/topics/GT000999").status()).isEqualTo(404);
  }

  /** 导出: the ranking and the case list of the period, as CSV and as Excel. */
  private void exportsListTheRankingAndEveryCase() {
    HttpJson.Download csv = as("LEADER").download("/api/dashboard/export/cases?" + PERIOD + "&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.disposition()).contains("attachment").contains(".csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF工单号,受理时间,区域,类别");
    List<String> lines = text.lines().skip(1).toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("WH20261102000001,2026-11-02 09:00,江岸区,环境卫生,NORMAL,JIANGAN_CGJ名,")
        .contains(",SATISFIED,是,");
    assertThat(lines.get(1)).as("T2: returned, reopened, first resolution late, 31 h")
        .contains(",31.0,").contains(",UNREACHABLE,,是,否,是,否,否,否,");
    assertThat(lines).filteredOn(line -> line.startsWith("WH20261102000004,")).singleElement()
        .as("T4: a consultation closed on the phone from a knowledge article")
        .satisfies(line -> assertThat(line).endsWith(",CLOSED_DIRECTLY,,否,否,否,否,是,是," + Scenario.ARTICLE));
    HttpJson.Download jiangan = as("LEADER").download("/api/dashboard/export/cases?" + PERIOD + "&district=JIANGAN");
    assertThat(new String(jiangan.body(), StandardCharsets.UTF_8).lines().count()).isEqualTo(1 + 3);

    HttpJson.Download xlsx = as("LEADER").download("/api/dashboard/export/ranking?" + PERIOD + "&by=district&format=xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("名称");
      assertThat(sheet.getLastRowNum()).as("16 districts under the header").isEqualTo(16);
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("洪山区");
      assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(100.0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(as("LEADER").download("/api/dashboard/export/cases?format=pdf").status()).isEqualTo(400);
  }

  @Test
  void badFiltersAreOne400NamingEachField() {
    Reply reply = as("LEADER").get("/api/dashboard/summary?from=2026-11-30&to=2026-11-01&district=ATLANTIS&category=X");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("from", "district", "category");
    assertThat(fields("/api/dashboard/ranking?by=street&scheme=best&from=yesterday&district=ATLANTIS"))
        .as("every bad parameter in one 400, a malformed day too").containsExactly("scheme", "by", "from", "district");
    assertThat(fields("/api/dashboard/trend?interval=year&unitId=jiangan")).containsExactly("interval", "unitId");
    assertThat(fields("/api/dashboard/export/ranking?scheme=best&by=street&format=pdf&to=2026-13-01"))
        .containsExactly("scheme", "by", "format", "to");
    assertThat(fields("/api/dashboard/export/cases?format=pdf&category=X")).containsExactly("format", "category");
    assertThat(fields("/api/dashboard/hotspots?to=2999-12-31")).as("hot spots never reach past today")
        .containsExactly("to");
    assertThat(fields("/api/dashboard/summary?from=2020-01-01&to=2026-01-01")).containsExactly("from");
  }

  /** The fields a 400 problem names, in its order. */
  private List<String> fields(String path) {
    Reply reply = as("LEADER").get(path);
    assertThat(reply.status()).as(path).isEqualTo(400);
    return reply.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
  }

  @Test
  void onlyAdminsRebuildAndOnlyLeadersReadTheFigures() {
    assertThat(as("LEADER").post("/api/admin/stats/rebuild", Map.of()).status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/dashboard/ranking").status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/dashboard/topics").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/dashboard/export/cases").status()).isEqualTo(401);
  }
}
