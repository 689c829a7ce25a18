package city.hotline.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.web.ApiException.FieldProblem;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an admin may subscribe a partner to: every broken rule named by its field at once. */
class SubscriptionRequestTest {
  private static final ReferenceData REFERENCE = new ReferenceData(
      List.of(new ReferenceData.Entry("WUCHANG", "武昌区")), List.of(new ReferenceData.Entry("SANITATION", "环境卫生")));

  private static List<String> fields(SubscriptionRequest request, boolean httpsOnly) {
    return request.problems(REFERENCE, httpsOnly).stream().map(FieldProblem::field).toList();
  }

  @Test
  void aPartnersOwnReportsOrAnAreaOfACategoryOrDistrictIsFine() {
    assertThat(fields(new SubscriptionRequest("https://partner.example/hooks/12345", "OWN_REPORTS", null, null), true))
        .isEmpty();
    assertThat(fields(new SubscriptionRequest("http://10.0.0.7:8088/hook?x=1", "AREA", null, "WUCHANG"), false))
        .isEmpty();
    assertThat(fields(new SubscriptionRequest("https://p.example/h", "AREA", "SANITATION", "WUCHANG"), true)).isEmpty();
  }

  @Test
  void eachBrokenRuleIsNamedByItsField() {
    assertThat(fields(new SubscriptionRequest(null, null, "NOISE", "ATLANTIS"), false))
        .containsExactly("url", "scope", "category", "district");
    assertThat(new SubscriptionRequest("https://p.example/h", "AREA", null, null).problems(REFERENCE, false))
        .containsExactly(new FieldProblem("scope", "AREA needs a category or a district (or both)"));
    assertThat(new SubscriptionRequest("https://p.example/h", "EVERYTHING", null, null).problems(REFERENCE, false))
        .containsExactly(new FieldProblem("scope", "must be one of [OWN_REPORTS, AREA]"));
  }

  @Test
  void theUrlMustBeAnAbsoluteHttpUrlAndHttpsWhenSoConfigured() {
    for (String url : List.of("partner.example/hook", "ftp://partner.example/hook", "https://", "http://a b/",
        "https://p.example/h#x", "http://partner.example:99999/h", "https://p.example:0/h",
        "https://user:pw@p.example/h")) {
      assertThat(fields(new SubscriptionRequest(url, "OWN_REPORTS", null, null), false)).as(url).containsExactly("url");
    }
    assertThat(new SubscriptionRequest("http://p.example/h", "OWN_REPORTS", null, null).problems(REFERENCE, true))
        .containsExactly(new FieldProblem("url", "must be an absolute https URL without a fragment"));
  }

  @Test
  void aWebhookMayNotPointInwardUnlessItsNetworkIsAllowed() throws Exception {
    WebhookTarget publicOnly = new WebhookTarget(List.of());
    for (String url : List.of("http://127.0.0.1:8081/actuator", "http://[::1]/h", "http://169.254.169.254/latest/meta-data/",
        "http://localhost/h", "http://10.0.0.7:8088/hook", "http://192.168.1.1/h", "http://[fd00::1]/h",
        "http://0.0.0.0/h", "http://224.0.0.1/h")) {
      assertThat(publicOnly.problem(new URI(url))).as(url).contains(WebhookTarget.RULE);
    }
    assertThat(publicOnly.problem(new URI("https://93.184.216.34/h"))).isEmpty();
    WebhookTarget partnerNet = new WebhookTarget(List.of("10.20.0.0/16", "127.0.0.0/8"));
    assertThat(partnerNet.problem(new URI("http://10.20.3.4/h"))).isEmpty();
    assertThat(partnerNet.problem(new URI("http://127.0.0.1:9000/h"))).isEmpty();
    assertThat(partnerNet.problem(new URI("http://10.21.0.1/h"))).as("outside the allowed /16").isPresent();
    assertThat(partnerNet.problem(new URI("http://169.254.169.254/"))).isPresent();
    assertThatThrownBy(() -> Network.parse("intranet.example/8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
  }
}
