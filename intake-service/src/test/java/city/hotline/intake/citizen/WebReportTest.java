package city.hotline.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebReportTest {
  private static WebReport report(String name) {
    return report(name, null);
  }

  private static WebReport report(String name, Boolean confidential) {
    return new WebReport(name, "13812345678", "STREET_LIGHTING", "JIANGAN", "江岸区解放大道1000号", "路灯不亮", true,
        confidential, new RegistrationRequest.Location(114.3, 30.6));
  }

  @Test
  void aWebReportIsANormalComplaintByTheWebChannelUnderTheGivenOrTheAnonymousName() {
    RegistrationRequest call = report("  李四 ").toCall("网上市民");
    assertThat(call.callerName()).isEqualTo("李四");
    assertThat(call.channel()).isEqualTo("WEB");
    assertThat(call.type()).isEqualTo("COMPLAINT");
    assertThat(call.urgency()).isEqualTo("NORMAL");
    assertThat(call.confidential()).isFalse();
    assertThat(report("李四", true).toCall("网上市民").confidential()).as("保密 ticked").isTrue();
    assertThat(call.smsOptOut()).isTrue();
    assertThat(call.location().latitude()).isEqualTo(30.6);
    assertThat(report(" ").toCall("网上市民").callerName()).isEqualTo("网上市民");
    assertThat(report("李四").toString()).doesNotContain("李四", "1381234");
  }

  @Test
  void aRefusedCallNamesTheFieldsAsTheReportSpellsThem() {
    ApiException refused = ApiException.invalid(List.of(new FieldProblem("callerName", "must be at most 50 characters"),
        new FieldProblem("callerPhone", "must be a Chinese mobile"), new FieldProblem("district", "must be one of")));
    assertThat(WebReport.inOwnNames(refused).errors()).extracting(FieldProblem::field)
        .containsExactly("name", "phone", "district");
    ApiException conflict = ApiException.unprocessable("Idempotency-Key k was already used for a different call");
    assertThat(WebReport.inOwnNames(conflict)).isSameAs(conflict);
  }
}
