package city.hotline.intake.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay on a known small history: each work order predicted from the ones before it only. */
class EvaluationTest {
  private static final Instant DAY = Instant.parse("2026-11-02T01:00:00Z");

  private static LearnableCall closed(int n, String description, String address, RegistrationRequest.Location at,
      String district, String registered, String handled) {
    return new LearnableCall("WH2026110200000" + n, description, address, district, at, registered, handled,
        "UNIT_" + n, DAY.plusSeconds(60L * n), DAY.plusSeconds(86_400L - n));
  }

  /**
   * Category: 1 nothing learned yet; 2 only street lighting known; 3, 4 right; 5 manholes never seen; 6 re-routed
   * to sanitation by dispatch (what it was handled as counts), suggested second. District: 4 names 解放大道 alone,
   * shared by three districts, 江岸 listed first; 5 has only a map point (汉阳's centre).
   */
  private static List<LearnableCall> history() {
    List<LearnableCall> calls = new ArrayList<>(List.of(
        closed(1, "路灯不亮", "江岸区沿江大道1号", null, "JIANGAN", "STREET_LIGHTING", "STREET_LIGHTING"),
        closed(2, "垃圾没人清运", "武昌区中北路2号", null, "WUCHANG", "SANITATION", "SANITATION"),
        closed(3, "路灯不亮", "光谷大道3号", null, "EAST_LAKE_HIGH_TECH", "STREET_LIGHTING", "STREET_LIGHTING"),
        closed(4, "垃圾没人清运", "解放大道4号", null, "QIAOKOU", "SANITATION", null),
        closed(5, "井盖缺失", "小区门口", new RegistrationRequest.Location(114.215, 30.548), "HANYANG",
            "MANHOLE_COVERS", "MANHOLE_COVERS"),
        closed(6, "路灯不亮", "新洲区阳逻街", null, "XINZHOU", "STREET_LIGHTING", "SANITATION")));
    java.util.Collections.reverse(calls); // the replay orders them by registration, not by how they were read
    return calls;
  }

  @Test
  void replaysInRegistrationOrderAndCountsTopOneAndTopThree() {
    Evaluation evaluation = Evaluation.of(history(), GazetteerTest.WUHAN, List.of());

    assertThat(evaluation.orders()).isEqualTo(6);
    assertThat(evaluation.category()).isEqualTo(new Evaluation.TopK(2.0 / 6, 3.0 / 6));
    assertThat(evaluation.district()).isEqualTo(new Evaluation.TopK(5.0 / 6, 6.0 / 6));
    assertThat(evaluation.acceptance()).isEqualTo(new Evaluation.Acceptance(0, 0, 0, null, null));
  }

  @Test
  void theAcceptanceRateCountsWhatOperatorsDidWithWhatWasShown() {
    List<WorkOrder.Suggestion> shown = List.of(new WorkOrder.Suggestion("SANITATION", "WUCHANG", true, true),
        new WorkOrder.Suggestion("STREET_LIGHTING", null, false, null),
        new WorkOrder.Suggestion(null, "JIANGAN", null, false));
    assertThat(Evaluation.of(List.of(), GazetteerTest.WUHAN, shown))
        .isEqualTo(new Evaluation(0, new Evaluation.TopK(null, null), new Evaluation.TopK(null, null),
            new Evaluation.Acceptance(3, 1, 1, 0.5, 0.5)));
  }
}
