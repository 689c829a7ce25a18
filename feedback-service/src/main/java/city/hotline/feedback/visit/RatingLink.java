package city.hotline.feedback.visit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A citizen's one-time rating link (评价链接): 256 random bits, shown once when issued and kept only as
 * its SHA-256, so neither the database nor a log holds a usable link. Single use, and it expires.
 */
final class RatingLink {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private RatingLink() {}

  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text can be a token at all; anything else is not looked up. */
  static boolean wellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A link issued for a visit, as the visit keeps it: which one (by hash), who issued it, until when, when used. */
  public record Issued(@BsonProperty(Issued.HASH) String hash, Instant issuedAt, String issuedBy, Instant expiresAt,
      @BsonProperty(Issued.USED_AT) Instant usedAt) {
    static final String HASH = "hash";
    static final String USED_AT = "usedAt";

    boolean usableAt(Instant now) {
      return usedAt == null && now.isBefore(expiresAt);
    }
  }
}
