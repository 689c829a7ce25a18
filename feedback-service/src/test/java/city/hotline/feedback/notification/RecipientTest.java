package city.hotline.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who gets a text: mobile numbers only, never a confidential caller, one who declined, or one who replied TD. */
class RecipientTest {

  @Test
  void mobileNumbersAreReadWithOrWithoutTheCountryCodeAndLandlinesAreNot() {
    assertThat(MobileNumbers.normalize("13700001111")).contains("13700001111");
    assertThat(MobileNumbers.normalize("+86 137-0000-1111")).contains("13700001111");
    assertThat(MobileNumbers.normalize("8613700001111")).contains("13700001111");
    assertThat(MobileNumbers.normalize("027-85551234")).isEmpty();
    assertThat(MobileNumbers.normalize("12345")).isEmpty();
    assertThat(MobileNumbers.normalize(null)).isEmpty();
  }

  @Test
  void anOptOutIsKeptAsAKeyedHashThatIsTheSameForTheSameNumberOnly() {
    String hash = MobileNumbers.hash("13700001111", "k");
    assertThat(hash).isEqualTo(MobileNumbers.hash("13700001111", "k")).doesNotContain("13700001111");
    assertThat(hash).isNotEqualTo(MobileNumbers.hash("13700001112", "k")).isNotEqualTo(MobileNumbers.hash("13700001111", "j"));
  }

  @Test
  void eachReasonForNoTextIsNamed() {
    assertThat(new Recipient("T", "13700001111", false, false, null).refusal(false)).isEmpty();
    assertThat(new Recipient("T", "13700001111", true, false, null).refusal(false)).contains("CONFIDENTIAL");
    assertThat(new Recipient("T", "13700001111", false, true, null).refusal(false)).contains("DECLINED_AT_CALL");
    assertThat(new Recipient("T", "027-85551234", false, false, null).refusal(false)).contains("NOT_A_MOBILE");
    assertThat(new Recipient("T", "13700001111", false, false, null).refusal(true)).contains("OPTED_OUT");
  }

  @Test
  void aRecipientInALogNeverShowsTheNumber() {
    assertThat(new Recipient("T", "13700001111", false, false, null).toString()).doesNotContain("1111");
    assertThat(new OutgoingText("T", TextKind.RESOLVED, "13700001111", "评价 https://x/rate.html#secret").toString())
        .doesNotContain("1111").doesNotContain("secret");
  }
}
