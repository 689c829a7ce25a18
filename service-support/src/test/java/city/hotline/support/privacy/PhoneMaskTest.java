package city.hotline.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

  @Test
  void aMobileShowsOnlyItsFirstThreeAndLastFourDigits() {
    assertThat(PhoneMask.mask("13812341234")).isEqualTo("138****1234");
  }

  @Test
  void aLandlineIsMaskedTheSameWay() {
    assertThat(PhoneMask.mask("027-88881234")).isEqualTo("027****1234");
  }

  @Test
  void aShortOrMissingNumberShowsNothing() {
    assertThat(PhoneMask.mask("12345")).isEqualTo("****");
    assertThat(PhoneMask.mask(null)).isEqualTo("****");
  }
}
