package city.hotline.intake.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** The last four digits of a phone number, what a citizen proves a ticket is theirs with (手机号后四位). */
final class PhoneDigits {
  static final int COUNT = 4;
  static final String PATTERN = "\\d{" + COUNT + "}";
  private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");
  /** Compared against when there is no phone, so a ticket without one (or none at all) takes as long as any other. */
  private static final String NONE = "0000";

  private PhoneDigits() {}

  /**
   * Whether {@code claimed} is the last four digits of {@code phone} (a landline's dash and blanks do not count),
   * compared in constant time, so how long the answer takes tells nothing about how many digits were right. No
   * phone matches nothing.
   */
  static boolean matches(String phone, String claimed) {
    String digits = phone == null ? "" : NOT_A_DIGIT.matcher(phone).replaceAll("");
    boolean known = digits.length() >= COUNT;
    String lastFour = known ? digits.substring(digits.length() - COUNT) : NONE;
    boolean same = MessageDigest.isEqual(lastFour.getBytes(StandardCharsets.US_ASCII),
        (claimed == null ? "" : claimed).getBytes(StandardCharsets.US_ASCII));
    return same & known; // both evaluated: no shortcut
  }
}
