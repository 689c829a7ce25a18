package city.hotline.intake.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay on a known small history: each work order predicted from those closed before it was registered. */
class EvaluationTest {
  private static final Instant DAY = Instant.parse("2026-11-02T01:00:00Z");

  /**
   * Registered and closed at these minutes of the day (the events' clock); written as learnable a day later in the
   * reverse order, which the replay must not go by.
   */
  private static LearnableCall closed(int n, String description, String address, RegistrationRequest.Location at,
      String district, String registered, String handled, int registeredMinute, int closedMinute) {
    return new LearnableCall("WH2026110200000" + n, description, address, district, at, registered, handled,
        "UNIT_" + n, minute(registeredMinute), minute(closedMinute), DAY.plusSeconds(86_400L - n));
  }

  private static Instant minute(int m) {
    return DAY.plusSeconds(60L * m);
  }

  /**
   * The time line (minute: event) and the category predicted: 1 registered, nothing learned; 1 closed (2); 2
   * (垃圾) registered (3), only street lighting known; 3 (路灯) registered (4), right; 3 closed (5); 2 closed and 4
   * (垃圾) registered at the same minute (6): the close first, so 4 is right; 4 closed (7); 5 (井盖) registered (8),
   * manholes never seen; 6 registered (9): 路灯不亮 re-routed to sanitation by dispatch (what it was handled as
   * counts), suggested second; 6 closed (10); 7 (井盖 again) registered (11): 5 closes only at 30, so manholes are
   * still unknown. Learning each order right after predicting it in registration order would have counted 7 right
   * too (3/7, 4/7): it learned 5 from the future.
   *
   * <p>District: 4 names 解放大道 alone, shared by three districts, 江岸 listed first; 5 has only a map point (汉阳's
   * centre).
   */
  private static List<LearnableCall> history() {
    List<LearnableCall> calls = new ArrayList<>(List.of(
        closed(1, "路灯不亮", "江岸区沿江大道1号", null, "JIANGAN", "STREET_LIGHTING", "STREET_LIGHTING", 1, 2),
        closed(2, "垃圾没人清运", "武昌区中北路2号", null, "WUCHANG", "SANITATION", "SANITATION", 3, 6),
        closed(3, "路灯不亮", "光谷大道3号", null, "EAST_LAKE_HIGH_TECH", "STREET_LIGHTING", "STREET_LIGHTING", 4, 5),
        closed(4, "垃圾没人清运", "解放大道4号", null, "QIAOKOU", "SANITATION", null, 6, 7),
        closed(5, "井盖缺失", "小区门口", new RegistrationRequest.Location(114.215, 30.548), "HANYANG",
            "MANHOLE_COVERS", "MANHOLE_COVERS", 8, 30),
        closed(6, "路灯不亮", "新洲区阳逻街", null, "XINZHOU", "STREET_LIGHTING", "SANITATION", 9, 10),
        closed(7, "井盖缺失", "汉阳区钟家村", null, "HANYANG", "MANHOLE_COVERS", "MANHOLE_COVERS", 11, 12)));
    java.util.Collections.reverse(calls); // the replay builds its time line, whatever order they were read in
    return calls;
  }

  @Test
  void predictsEachOrderAtItsRegistrationFromTheOrdersClosedBeforeAndCountsTopOneAndTopThree() {
    Evaluation evaluation = Evaluation.of(history(), GazetteerTest.WUHAN, List.of());

    assertThat(evaluation.orders()).isEqualTo(7);
    assertThat(evaluation.category()).isEqualTo(new Evaluation.TopK(2.0 / 7, 3.0 / 7));
    assertThat(evaluation.district()).isEqualTo(new Evaluation.TopK(6.0 / 7, 7.0 / 7));
    assertThat(evaluation.acceptance()).isEqualTo(new Evaluation.Acceptance(0, 0, 0, null, null));
  }

  @Test
  void anOrderClosedAtTheMinuteAnotherIsRegisteredIsLearnedFirst() {
    List<LearnableCall> tie = List.of(
        closed(1, "垃圾没人清运", "武昌区中北路1号", null, "WUCHANG", "SANITATION", "SANITATION", 1, 5),
        closed(2, "垃圾没人清运", "武昌区中北路2号", null, "WUCHANG", "SANITATION", "SANITATION", 5, 6));
    assertThat(Evaluation.of(tie, GazetteerTest.WUHAN, List.of()).category())
        .isEqualTo(new Evaluation.TopK(1.0 / 2, 1.0 / 2));
    List<LearnableCall> later = List.of(tie.get(0), closed(2, "垃圾没人清运", "武昌区中北路2号", null, "WUCHANG",
        "SANITATION", "SANITATION", 4, 6));
    assertThat(Evaluation.of(later, GazetteerTest.WUHAN, List.of()).category())
        .as("registered a minute before the first closed: nothing to go by").isEqualTo(new Evaluation.TopK(0.0, 0.0));
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
