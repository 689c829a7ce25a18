package city.hotline.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneDigitsTest {
  @Test
  void theLastFourDigitsOfAMobileOrALandlineMatchAndNothingElseDoes() {
    assertThat(PhoneDigits.matches("13812345678", "5678")).isTrue();
    assertThat(PhoneDigits.matches("027-8888 1234", "1234")).isTrue();
    assertThat(PhoneDigits.matches("13812345678", "5679")).isFalse();
    assertThat(PhoneDigits.matches("13812345678", "45678")).isFalse();
    assertThat(PhoneDigits.matches("13812345678", null)).isFalse();
  }

  @Test
  void noPhoneOrTooShortAPhoneMatchesNoDigits() {
    assertThat(PhoneDigits.matches(null, "0000")).isFalse();
    assertThat(PhoneDigits.matches("123", "0123")).isFalse();
  }
}
