package city.hotline.intake.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.web.ApiException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParametersTest {
  private static final ReferenceData REFERENCE = new ReferenceData(
      List.of(new ReferenceData.Entry("WUCHANG", "武昌区")), List.of(new ReferenceData.Entry("SANITATION", "环境卫生")));
  private static final SearchSettings SETTINGS = new SearchSettings(7, 366, 5000);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void withoutParametersTheLastWeekIsListedNewestFirst() {
    SearchQuery query = SearchParameters.parse(Map.of(), REFERENCE, TODAY, SETTINGS);
    assertThat(query.from()).isEqualTo(LocalDate.of(2026, 11, 17));
    assertThat(query.to()).isEqualTo(TODAY);
    assertThat(query.oldestFirst()).isFalse();
    assertThat(query.filters()).isEmpty();
    assertThat(query.filter("WH", null).toBsonDocument().toJson())
        .isEqualTo("{\"_id\": {\"$gte\": \"WH20261117\", \"$lt\": \"WH20261124\"}}");
    assertThat(query.page()).isZero();
    assertThat(query.size()).isEqualTo(20);
  }

  @Test
  void filtersBecomeFieldsAndWordsMustAllAppear() {
    SearchQuery query = SearchParameters.parse(Map.of("status", "DISPATCHED", "district", "WUCHANG",
        "urgency", "URGENT", "q", "垃圾  小区", "sort", "oldest", "from", "2026-11-01", "to", "2026-11-02"),
        REFERENCE, TODAY, SETTINGS);
    assertThat(query.filters()).containsOnly(Map.entry(WorkOrder.STATUS, "DISPATCHED"),
        Map.entry(WorkOrder.DISTRICT, "WUCHANG"), Map.entry(WorkOrder.URGENCY, "URGENT"));
    assertThat(query.words()).containsExactly("垃圾", "小区");
    assertThat(query.filter("WH", "WH20261102000007").toBsonDocument().getDocument("_id").toJson())
        .as("oldest first, a word search reads up to its limit")
        .isEqualTo("{\"$gte\": \"WH20261101\", \"$lt\": \"WH20261102000007\"}");
    assertThat(query.wordsFilter().toBsonDocument().toJson()).contains("\\\\Q垃圾\\\\E", "\"options\": \"i\"");
  }

  @Test
  void everyBadParameterIsReportedAtOnce() {
    assertThatThrownBy(() -> SearchParameters.parse(Map.of("status", "LOST", "district", "ATLANTIS", "from", "yesterday",
        "size", "0", "page", "-1", "sort", "random"), REFERENCE, TODAY, SETTINGS))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
            .extracting(ApiException.FieldProblem::field)
            .containsExactlyInAnyOrder("status", "district", "from", "size", "page", "sort"));
  }

  @Test
  void aPeriodIsAtMostAYearAndRunsForwards() {
    assertThatThrownBy(() -> SearchParameters.parse(Map.of("from", "2025-01-01", "to", "2026-11-23"), REFERENCE, TODAY,
        SETTINGS)).isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors().get(0).message()).contains("366 days"));
    assertThatThrownBy(() -> SearchParameters.parse(Map.of("to", "+999999999-12-31"), REFERENCE, TODAY, SETTINGS))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    assertThatThrownBy(() -> SearchParameters.parse(Map.of("from", "2026-11-23", "to", "2026-11-01"), REFERENCE, TODAY,
        SETTINGS)).isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors().get(0).message()).isEqualTo("must not be after to"));
  }
}
