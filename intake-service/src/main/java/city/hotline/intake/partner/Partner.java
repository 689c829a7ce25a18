package city.hotline.intake.partner;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A partner system (合作单位: a city app, a district's own platform) that reports problems through Open311 and may
 * subscribe to webhooks. Its api key is stored only as a SHA-256 hash ({@link ApiKeys}); the key itself is shown once.
 *
 * @param contact who to call at the partner about its integration, for the admins only
 * @param keyHash the hex SHA-256 of its current api key
 * @param keyIssuedAt when the current key was issued
 * @param revokedAt when it was revoked, null while active
 */
public record Partner(
    @BsonId String id,
    String name,
    @BsonProperty(Partner.REVOKED) boolean revoked,
    Instant createdAt,
    String contact,
    @BsonProperty(Partner.KEY_HASH) String keyHash,
    Instant keyIssuedAt,
    Instant revokedAt) {

  public static final String ID = "_id";
  public static final String REVOKED = "revoked";
  public static final String KEY_HASH = "keyHash";
  static final String USERNAME_PREFIX = "partner:";

  /** The Caller username its reports are registered under (see {@code WorkOrders.registeredBy}). */
  public String username() {
    return USERNAME_PREFIX + id;
  }

  /** How its reports' timelines name it. */
  public String displayName() {
    return name + " (" + id + ")";
  }
}
