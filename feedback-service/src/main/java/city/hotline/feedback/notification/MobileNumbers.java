package city.hotline.feedback.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mainland mobile numbers (手机号), the only numbers a text can reach: 11 digits starting 13–19, written with or
 * without +86 / 86 and separators. A landline (座机) or anything else is no one to text.
 */
final class MobileNumbers {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s()-]");
  private static final Pattern COUNTRY = Pattern.compile("^(\\+|00)?86(?=1\\d{10}$)");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final String HMAC = "HmacSHA256";

  private MobileNumbers() {}

  /** The 11-digit number, if the text is a mainland mobile number. */
  static Optional<String> normalize(String phone) {
    if (phone == null) {
      return Optional.empty();
    }
    String digits = COUNTRY.matcher(SEPARATORS.matcher(phone).replaceAll("")).replaceFirst("");
    return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
  }

  /**
   * How an opt-out (退订) keeps a number: HMAC-SHA256 under a secret key, not the number itself, and not a plain
   * hash either (11 digits are quickly guessed from a plain one).
   */
  static String hash(String mobile, String key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC));
      return HexFormat.of().formatHex(mac.doFinal(mobile.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has " + HMAC, e);
    }
  }
}
