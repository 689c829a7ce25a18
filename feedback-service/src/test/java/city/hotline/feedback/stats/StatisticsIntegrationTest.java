package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
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
        "/api/dashboard/trend?" + PERIOD + "&interval=day", "/api/dashboard/categories?" + PERIOD)) {
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
        .contains(",SATISFIED,");
    assertThat(lines.get(1)).as("T2: returned, reopened, first resolution late, 31 h")
        .contains(",31.0,").contains(",UNREACHABLE,是,否,是,否,否,否,");
    assertThat(lines).filteredOn(line -> line.startsWith("WH20261102000004,")).singleElement()
        .as("T4: a consultation closed on the phone from a knowledge article")
        .satisfies(line -> assertThat(line).endsWith(",CLOSED_DIRECTLY,否,否,否,否,是,是," + Scenario.ARTICLE));
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
    assertThat(as("LEADER").get("/api/dashboard/ranking?by=street").body().path("errors").get(0).path("field").asString())
        .isEqualTo("by");
    assertThat(as("LEADER").get("/api/dashboard/trend?interval=year").status()).isEqualTo(400);
    assertThat(as("LEADER").get("/api/dashboard/summary?from=2020-01-01&to=2026-01-01").status()).isEqualTo(400);
    assertThat(as("LEADER").get("/api/dashboard/summary?from=yesterday").status()).isEqualTo(400);
  }

  @Test
  void onlyAdminsRebuildAndOnlyLeadersReadTheFigures() {
    assertThat(as("LEADER").post("/api/admin/stats/rebuild", Map.of()).status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/dashboard/ranking").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/dashboard/export/cases").status()).isEqualTo(401);
  }
}
