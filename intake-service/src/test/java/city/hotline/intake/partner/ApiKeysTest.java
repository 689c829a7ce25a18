package city.hotline.intake.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Api keys: 256 random bits each, base64url, and only a hash of them kept. */
class ApiKeysTest {

  @Test
  void aKeyIs256RandomBitsInBase64UrlAndItsHashIsHexSha256() {
    String key = ApiKeys.newKey();

    assertThat(key).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
    assertThat(ApiKeys.hash(key)).matches("[0-9a-f]{64}").isEqualTo(ApiKeys.hash(key)).doesNotContain(key);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      keys.add(ApiKeys.newKey());
    }
    assertThat(keys).hasSize(100);
  }

  @Test
  void aPartnersUsernameIsWhatItsReportsAreRegisteredUnder() {
    Partner partner = new Partner("PT0007", "武汉城市通", false, null, null, null, null, null);

    assertThat(partner.username()).isEqualTo("partner:PT0007");
    assertThat(partner.displayName()).isEqualTo("武汉城市通 (PT0007)");
  }
}
