package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.WorkOrder;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A work order as a GeoReport v2 service request: the spec's fields, our statuses, and nothing of the caller. */
class ServiceRequestViewTest {
  private static final ZoneId WUHAN = ZoneId.of("Asia/Shanghai");

  @Test
  void aRequestHasTheSpecsFieldsInItsOrderWithTimesInTheHotlinesOffset() {
    WorkOrder order = Orders.registered(Orders.call("OPEN311", "王芳", false, "路灯不亮已经三天"));

    Map<String, Object> view = ServiceRequestView.of(order, "路灯照明", WUHAN);

    assertThat(view.keySet()).containsExactly("service_request_id", "status", "status_notes", "service_name",
        "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
        "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    assertThat(view).containsEntry("service_request_id", "WH20261208000001").containsEntry("status", "open")
        .containsEntry("status_notes", "已受理").containsEntry("service_name", "路灯照明")
        .containsEntry("service_code", "STREET_LIGHTING").containsEntry("description", "路灯不亮已经三天")
        .containsEntry("requested_datetime", "2026-12-08T09:30:00+08:00")
        .containsEntry("updated_datetime", "2026-12-08T09:30:00+08:00")
        .containsEntry("address", "江岸区解放大道1000号").containsEntry("lat", 30.6).containsEntry("long", 114.3)
        .containsEntry("media_url", "https://partner.example/photo/1.jpg").containsEntry("agency_responsible", null);
  }

  @Test
  void onlyAPartnersReportShowsItsPhotoNeverTheAttachmentsOfACallTakenOtherwise() {
    WorkOrder phoned = Orders.registered(Orders.call(false, "路灯不亮"));
    WorkOrder reported = Orders.registered(Orders.call("OPEN311", "王芳", false, "路灯不亮"));

    assertThat(ServiceRequestView.of(phoned, "路灯照明", WUHAN)).containsEntry("media_url", null);
    assertThat(ServiceRequestView.of(reported, "路灯照明", WUHAN))
        .containsEntry("media_url", "https://partner.example/photo/1.jpg");
  }

  /** The unit's reply (办结 note) as partners read it, for a call by this caller. */
  private static Object reply(String callerName, String note) {
    WorkOrder resolved = Orders.after(Orders.registered(Orders.call("PHONE", callerName, false, "路灯不亮")),
        ComplaintStatus.RESOLVED, note, "JIANGAN_CGJ", Orders.AT.plusSeconds(60));
    return ServiceRequestView.of(resolved, "路灯照明", WUHAN).get("status_notes");
  }

  @Test
  void anEMailAddressInTheTextIsBlottedOut() {
    assertThat(reply("王芳", "已回复至 wang.fang+12345@mail.qq.com 邮箱")).isEqualTo("已办结: 已回复至 *** 邮箱");
  }

  @Test
  void theCallerSpokenOfBySurnameAndTitleIsBlottedOut() {
    assertThat(reply("王芳", "经与王女士电话沟通, 王师傅已到场")).isEqualTo("已办结: 经与***电话沟通, ***已到场");
    assertThat(reply("欧阳娜娜", "已告知欧阳小姐")).isEqualTo("已办结: 已告知***");
    assertThat(reply("王芳", "李师傅已修复")).as("another person's title stays").isEqualTo("已办结: 李师傅已修复");
  }

  @Test
  void fullWidthDigitsAreDigitsAndSoAPhoneNumber() {
    assertThat(reply("王芳", "请拨１３８１２３４１２３４")).isEqualTo("已办结: 请拨***");
  }

  @Test
  void aPhoneNumberWrittenWithDotsOrSpacesIsBlottedOutButADateIsNot() {
    assertThat(reply("王芳", "已于2026-12-08修复, 回电 138.1234.1234 或 027 8555 1234"))
        .isEqualTo("已办结: 已于2026-12-08修复, 回电 *** 或 ***");
  }

  @Test
  void aLatinNameIsBlottedOutInAnyCase() {
    assertThat(reply("John Smith", "Called JOHN SMITH back; john smith agreed")).isEqualTo("已办结: Called *** back; "
        + "*** agreed");
  }

  @Test
  void theCallersNameAndPhoneNeverShowNotEvenWhereTheyWroteThemIntoTheText() {
    WorkOrder order = Orders.registered(Orders.call(false, "我是王芳, 电话 138 1234 1234, 或打 027-85551234"));
    WorkOrder resolved = Orders.after(order, ComplaintStatus.RESOLVED, "已联系王芳, 路灯已修复", "JIANGAN_CGJ",
        Orders.AT.plusSeconds(3600));

    Map<String, Object> view = ServiceRequestView.of(resolved, "路灯照明", WUHAN);

    assertThat(view.values().toString()).doesNotContain("王芳", "13812341234", "1234 1234", "85551234", "张接线员",
        "某工作人员");
    assertThat(view.get("description")).isEqualTo("我是***, 电话 ***, 或打 ***");
    assertThat(view.get("status_notes")).isEqualTo("已办结: 已联系***, 路灯已修复");
    assertThat(view.get("updated_datetime")).isEqualTo("2026-12-08T10:30:00+08:00");
  }

  @Test
  void aConfidentialCallersReportLeavesOutWhereAndWhatAndTheReply() {
    WorkOrder order = Orders.after(Orders.registered(Orders.call(true, "路灯不亮")), ComplaintStatus.RESOLVED,
        "路灯已修复", "JIANGAN_CGJ", Orders.AT.plusSeconds(60));

    Map<String, Object> view = ServiceRequestView.of(order, "路灯照明", WUHAN);

    assertThat(view).containsEntry("description", null).containsEntry("address", null).containsEntry("lat", null)
        .containsEntry("long", null).containsEntry("media_url", null).containsEntry("status_notes", "已办结");
  }

  @Test
  void theUnitIsNamedAsItsLatestDispatchNamedItAndNoneAfterAReturn() {
    WorkOrder order = Orders.registered(Orders.call(false, "路灯不亮"));
    WorkOrder dispatched = Orders.after(order, ComplaintStatus.DISPATCHED, "派单至 江岸区城管局", "JIANGAN_CGJ",
        Orders.AT.plusSeconds(60));
    WorkOrder returned = Orders.after(dispatched, ComplaintStatus.RETURNED, "退单 (NOT_OUR_DISTRICT): 属武昌区", null,
        Orders.AT.plusSeconds(120));
    WorkOrder manual = Orders.after(returned, ComplaintStatus.DISPATCHED, "人工派单至 武昌区城管局", "WUCHANG_CGJ",
        Orders.AT.plusSeconds(180));
    WorkOrder reopened = Orders.after(Orders.after(manual, ComplaintStatus.CLAIMED, "签收", "WUCHANG_CGJ",
        Orders.AT.plusSeconds(240)), ComplaintStatus.DISPATCHED, "重办, 再次交 武昌区城管局 办理", "WUCHANG_CGJ",
        Orders.AT.plusSeconds(300));

    assertThat(ServiceRequestView.of(dispatched, "路灯照明", WUHAN)).containsEntry("agency_responsible", "江岸区城管局")
        .containsEntry("status_notes", "已派单至 江岸区城管局");
    assertThat(ServiceRequestView.of(returned, "路灯照明", WUHAN)).containsEntry("agency_responsible", null)
        .containsEntry("status_notes", "承办单位退回, 等待重新派单");
    assertThat(ServiceRequestView.agency(manual)).contains("武昌区城管局");
    assertThat(ServiceRequestView.agency(reopened)).contains("武昌区城管局");
  }

  @Test
  void closedAndMergedAreClosedEverythingElseOpen() {
    assertThat(List.of(ComplaintStatus.values())).allSatisfy(status -> assertThat(ServiceRequestView.status(status))
        .isEqualTo(status == ComplaintStatus.CLOSED || status == ComplaintStatus.MERGED ? "closed" : "open"));
    assertThat(ServiceRequestView.ours("closed")).containsExactly(ComplaintStatus.CLOSED, ComplaintStatus.MERGED);
  }

  @Test
  void aClosedRequestKeepsTheUnitsReplyInItsNotes() {
    WorkOrder resolved = Orders.after(Orders.registered(Orders.call(false, "路灯不亮")), ComplaintStatus.RESOLVED,
        "路灯已修复", "JIANGAN_CGJ", Orders.AT.plusSeconds(60));
    WorkOrder closed = Orders.after(resolved, ComplaintStatus.CLOSED, "结案: SATISFIED", "JIANGAN_CGJ",
        Orders.AT.plusSeconds(120));

    assertThat(ServiceRequestView.of(closed, "路灯照明", WUHAN)).containsEntry("status", "closed")
        .containsEntry("status_notes", "已结案: 路灯已修复");
  }
}
