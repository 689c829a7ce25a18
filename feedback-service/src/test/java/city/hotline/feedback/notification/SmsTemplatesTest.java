package city.hotline.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class SmsTemplatesTest {
  private static final SmsTemplates SHIPPED = SmsTemplates.load(new ClassPathResource("sms/templates.yml"));

  @Test
  void theShippedRegistrationTextNamesTheTicketAndWhereToCheckIt() {
    String text = SHIPPED.render(TextKind.REGISTERED, Map.of(TextKind.TICKET_ID, "WH20261123000001",
        TextKind.TRACK_URL, "https://12345.example.gov.cn/track.html"));
    assertThat(text).contains("已受理", "WH20261123000001", "https://12345.example.gov.cn/track.html", "TD");
  }

  @Test
  void theShippedResolutionTextQuotesTheAnswerAndTheRatingLink() {
    String text = SHIPPED.render(TextKind.RESOLVED, Map.of(TextKind.TICKET_ID, "WH20261123000001",
        TextKind.ANSWER, "已清运", TextKind.RATING_LINK, "https://x/rate.html#abc"));
    assertThat(text).contains("已办结", "已清运", "https://x/rate.html#abc");
    assertThat(SHIPPED.render(TextKind.CLOSED, Map.of(TextKind.TICKET_ID, "WH1"))).contains("已结案", "WH1");
  }

  @Test
  void aMissingTemplateOrAPlaceholderItsTextDoesNotHaveStopsTheLoad() {
    assertThatThrownBy(() -> SmsTemplates.parse(Map.of("registered", "a", "resolved", "b"), "mine.yml"))
        .hasMessageContaining("mine.yml").hasMessageContaining("'closed' is missing");
    assertThatThrownBy(() -> SmsTemplates.parse(Map.of("registered", "受理 {ratingLink}", "resolved", "b", "closed", "c"),
        "mine.yml")).hasMessageContaining("'registered' names {ratingLink}");
  }

  @Test
  void aLongAnswerIsCutToTheLimitWithAnEllipsis() {
    assertThat(SmsTemplates.shorten("  已清运\n完毕 ", 60)).isEqualTo("已清运 完毕");
    assertThat(SmsTemplates.shorten("一二三四五六", 4)).isEqualTo("一二三…");
    assertThat(SmsTemplates.shorten(null, 4)).isEmpty();
  }
}
