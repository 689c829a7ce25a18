package city.hotline.intake.progress;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The one rule of what the public reads of a ticket (Open311, the citizens' page, partners' webhooks). */
class PublicNotesTest {
  private static WorkOrder calledBy(String name) {
    RegistrationRequest call = new RegistrationRequest(name, "13812341234", false, null, null, "SANITATION", "NORMAL",
        "WUCHANG", "中北路88号", "垃圾堆积", null, null, null, null, null, null, null, null);
    return WorkOrder.register("WH20261201000001", call, "k-1", Instant.parse("2026-12-01T02:00:00Z"), "operator",
        List.of(), new WorkOrder.PlaceKeys(null, null), new Document("eventId", "registered-1"));
  }

  @Test
  void namesTitlesEMailsAndPhonesHowEverWrittenAreBlottedOutDatesAndTicketNumbersAreNot() {
    WorkOrder order = calledBy("王芳");

    assertThat(PublicNotes.scrub("经与王女士电话沟通, 王芳 说 wang.fang+1@mail.qq.com", order))
        .isEqualTo("经与***电话沟通, *** 说 ***");
    assertThat(PublicNotes.scrub("请拨１３８１２３４１２３４ 或 +86 138-1234-1234, 邻居 13900001111", order))
        .isEqualTo("请拨*** 或 ***, 邻居 ***");
    assertThat(PublicNotes.scrub("已于2026-12-08修复, 见 WH20261201000002, 李师傅已到场", order))
        .isEqualTo("已于2026-12-08修复, 见 WH20261201000002, 李师傅已到场");
    assertThat(PublicNotes.scrub("Called JOHN SMITH back", calledBy("John Smith"))).isEqualTo("Called *** back");
  }

  @Test
  void aStepIsAPlainSentenceOnlyWhereItWasSentAndTheAnswerGivenAreItsOwnAndScrubbed() {
    WorkOrder order = calledBy("王芳");

    assertThat(PublicNotes.note(ComplaintStatus.RETURNED, "退单 (不属本单位): 张科长说转水务局", "e", order))
        .isEqualTo("原承办单位退回，正在重新派单");
    assertThat(PublicNotes.note(ComplaintStatus.AWAITING_MANUAL_DISPATCH, "无匹配规则", "e", order))
        .isEqualTo("正在为您的问题确定承办单位");
    assertThat(PublicNotes.note(ComplaintStatus.CLOSED, "结案: UNSATISFIED", "e", order)).isEqualTo("工单已结案");
    assertThat(PublicNotes.note(ComplaintStatus.CLOSED, "直接办结: 请致电王女士", "e" + WorkOrder.CLOSED_AT_CALL, order))
        .isEqualTo("直接办结: 请致电***");
    assertThat(PublicNotes.note(ComplaintStatus.RESOLVED, "已联系王芳 13812341234", "e", order))
        .isEqualTo("办理结果：已联系*** ***");
    assertThat(PublicNotes.note(ComplaintStatus.DISPATCHED, "派单至 区城管局", "e", order)).isEqualTo("派单至 区城管局");
  }
}
