package city.hotline.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class IfMatchTest {

  @Test
  void readsTheVersionFromAStrongOrWeakOrBareTag() {
    assertThat(IfMatch.version(null)).isEmpty();
    assertThat(IfMatch.version("\"3\"")).hasValue(3);
    assertThat(IfMatch.version("W/\"3\"")).hasValue(3);
    assertThat(IfMatch.version("3")).hasValue(3);
    assertThat(IfMatch.etag(3)).isEqualTo("\"3\"");
  }

  @Test
  void aTagThatNamesNoVersionIsA400NamingTheHeader() {
    assertThatThrownBy(() -> IfMatch.version("*")).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.errors().get(0).field()).isEqualTo("If-Match");
    });
  }

  @Test
  void anEditOfAnotherVersionIsA409AndWithoutTheHeaderAnythingGoes() {
    IfMatch.check(OptionalInt.empty(), 7, "rule");
    IfMatch.check(OptionalInt.of(7), 7, "rule");
    assertThatThrownBy(() -> IfMatch.check(OptionalInt.of(6), 7, "rule"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
  }
}
