package city.hotline.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.Urgency;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.reference.ReferenceData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the public page shows of a work order: its steps in the citizen's words, never who called or who worked it. */
class ProgressTest {
  private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
  private static final ReferenceData REFERENCE = new ReferenceData(
      List.of(new ReferenceData.Entry("JIANGAN", "江岸区")), List.of(new ReferenceData.Entry("STREET_LIGHTING", "路灯")));

  static WorkOrder order(ComplaintStatus status, String unitId, List<WorkOrder.Step> timeline) {
    return new WorkOrder("WH20261123000001", "key:web|k1", "张三", "13812345678", true, Channel.WEB,
        ComplaintType.COMPLAINT, "STREET_LIGHTING", Urgency.NORMAL, "JIANGAN", "江岸区解放大道1000号", null,
        "路灯不亮, 我是张三 13812345678", null, null, null, List.of(), null, null, List.of(), AT, status,
        timeline.stream().map(WorkOrder.Step::at).max(Instant::compareTo).orElseThrow(), unitId, timeline, List.of(), List.of(), null, null, null, null, null,
        null);
  }

  private static WorkOrder.Step step(int minute, String eventId, ComplaintStatus status, String actor, String note) {
    return new WorkOrder.Step(eventId, AT.plusSeconds(60L * minute), status, actor, note);
  }

  @Test
  void aHandledTicketShowsEachStatusStepInTheCitizensWordsAndTheUnitAndNoPersonOrStaffNote() {
    List<WorkOrder.Step> timeline = new ArrayList<>(List.of(
        step(0, "e0", ComplaintStatus.REGISTERED, "接线员 王芳", "受理"),
        step(1, "e1", ComplaintStatus.DISPATCHED, "system", "派单至 江岸区城管局"),
        step(2, "e2", ComplaintStatus.RETURNED, "江岸区城管局 刘伟", "退单 (NOT_OURS): 请联系张三 13812345678"),
        step(3, "e3", ComplaintStatus.DISPATCHED, "派单员 李强", "人工派单至 江岸区城管局"),
        step(4, "e4", null, "派单员 李强", "督办: 市民张三很着急"),
        step(5, "e5", ComplaintStatus.CLAIMED, "江岸区城管局 刘伟", "签收"),
        step(6, "e6", ComplaintStatus.RESOLVED, "江岸区城管局 刘伟", "路灯已修复")));
    java.util.Collections.reverse(timeline); // as stored, in the order events arrived

    Progress progress = Progress.of(order(ComplaintStatus.RESOLVED, "JIANGAN_CGJ", timeline), REFERENCE);

    assertThat(progress.statusName()).isEqualTo("已办结");
    assertThat(progress.categoryName()).isEqualTo("路灯");
    assertThat(progress.districtName()).isEqualTo("江岸区");
    assertThat(progress.unitName()).isEqualTo("江岸区城管局");
    assertThat(progress.updatedAt()).isEqualTo(AT.plusSeconds(360));
    assertThat(progress.steps()).extracting(Progress.Step::note).containsExactly("您反映的问题已受理",
        "派单至 江岸区城管局", "原承办单位退回，正在重新派单", "人工派单至 江岸区城管局", "承办单位已签收，正在办理",
        "办理结果：路灯已修复");
    assertThat(progress.toString()).doesNotContain("张三", "1381234", "王芳", "刘伟", "李强", "解放大道");
  }

  @Test
  void aReturnedTicketNamesNoUnitAndAReopenedOneTheUnitItWentToLast() {
    List<WorkOrder.Step> returned = List.of(step(0, "e0", ComplaintStatus.REGISTERED, "web", "受理"),
        step(1, "e1", ComplaintStatus.DISPATCHED, "system", "派单至 江岸区城管局"),
        step(2, "e2", ComplaintStatus.RETURNED, "刘伟", "退单"));
    assertThat(Progress.of(order(ComplaintStatus.RETURNED, null, returned), REFERENCE).unitName()).isNull();

    List<WorkOrder.Step> reopened = List.of(step(0, "e0", ComplaintStatus.REGISTERED, "web", "受理"),
        step(1, "e1", ComplaintStatus.DISPATCHED, "system", "派单至 江岸区城管局"),
        step(2, "e2", ComplaintStatus.DISPATCHED, "system", "重办, 再次交 武昌区城管局 办理"));
    assertThat(Progress.of(order(ComplaintStatus.DISPATCHED, "WUCHANG_CGJ", reopened), REFERENCE).unitName())
        .isEqualTo("武昌区城管局");
  }

  @Test
  void aConsultationClosedAtTheCallShowsItsAnswerAndAMergedCallNotTheOtherTicket() {
    List<WorkOrder.Step> answered = List.of(step(0, "e0", ComplaintStatus.REGISTERED, "王芳", "受理"),
        step(0, "e0" + WorkOrder.CLOSED_AT_CALL, ComplaintStatus.CLOSED, "王芳", "直接办结: 周一至周五办理"));
    assertThat(Progress.of(order(ComplaintStatus.CLOSED, null, answered), REFERENCE).steps())
        .extracting(Progress.Step::note).containsExactly("您反映的问题已受理", "直接办结: 周一至周五办理");

    List<WorkOrder.Step> merged = List.of(step(0, "e0", ComplaintStatus.REGISTERED, "王芳", "受理"),
        step(0, "e0#merged", ComplaintStatus.MERGED, "王芳", "重复件, 并入 WH20261122000007"));
    Progress progress = Progress.of(order(ComplaintStatus.MERGED, null, merged), REFERENCE);
    assertThat(progress.statusName()).isEqualTo("已合并办理");
    assertThat(progress.toString()).doesNotContain("WH20261122000007");
  }

  @Test
  void aCodeTheReferenceNoLongerListsIsShownAsItIs() {
    WorkOrder order = order(ComplaintStatus.REGISTERED, null, List.of(step(0, "e0", ComplaintStatus.REGISTERED, "w", "受理")));
    assertThat(Progress.of(order, new ReferenceData(List.of(), List.of())).districtName()).isEqualTo("JIANGAN");
  }
}
