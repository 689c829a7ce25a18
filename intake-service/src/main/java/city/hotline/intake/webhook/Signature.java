package city.hotline.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed: {@code X-Hotline-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>},
 * the timestamp being {@code X-Hotline-Timestamp} (Unix seconds). The timestamp is signed with the body, so a receiver
 * that refuses old timestamps cannot be fed a recorded delivery again later. While a rotated secret overlaps the new
 * one, the header carries both, comma-separated, the new one first: a receiver accepts either.
 */
final class Signature {
  static final String PREFIX = "sha256=";
  private static final String HMAC = "HmacSHA256";
  /** 256 bits, as the HMAC's own block of SHA-256 output: a longer secret adds nothing. */
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signature() {}

  /** A new webhook's secret: 256 random bits, base64url. */
  static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The header value for this body sent at this time, signed with each of these secrets. */
  static String sign(List<String> secrets, long timestamp, String body) {
    return String.join(",", secrets.stream().map(secret -> sign(secret, timestamp, body)).toList());
  }

  /** The header value for this body sent at this time. */
  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + HMAC, e);
    }
  }
}
