package city.hotline.intake.webhook;

import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.partner.Partner;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A partner's webhook: where to send the changes of which tickets, and the secret the deliveries are signed with (kept
 * as it is, since intake must sign with it; shown to the partner once).
 *
 * @param category only tickets of this category, when set
 * @param district only tickets of this district, when set
 * @param createdAt it hears of changes from then on, never of older ones a replay of the topics brings back
 * @param previousSecret the secret before the last rotation: deliveries are signed with it too until
 *     previousSecretUntil, so the partner can switch its receiver over without losing any
 */
public record Subscription(
    @BsonId String id,
    @BsonProperty(Subscription.PARTNER_ID) String partnerId,
    String url,
    Scope scope,
    String category,
    String district,
    @BsonProperty(Subscription.SECRET) String secret,
    Instant createdAt,
    @BsonProperty(Subscription.PREVIOUS_SECRET) String previousSecret,
    @BsonProperty(Subscription.PREVIOUS_SECRET_UNTIL) Instant previousSecretUntil) {

  static final String ID = "_id";
  static final String PARTNER_ID = "partnerId";
  static final String SECRET = "secret";
  static final String PREVIOUS_SECRET = "previousSecret";
  static final String PREVIOUS_SECRET_UNTIL = "previousSecretUntil";

  /** The secrets a delivery sent at this (real) time is signed with: the current one first. */
  List<String> signingSecrets(Instant now) {
    return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
        ? List.of(secret, previousSecret) : List.of(secret);
  }

  /** Whether this webhook tells the partner of this change of this work order. */
  boolean hears(PublicChange change, WorkOrder order, Partner partner) {
    return !change.at().isBefore(createdAt)
        && (category == null || category.equals(change.categoryOf(order)))
        && (district == null || district.equals(change.districtOf(order)))
        && (scope == Scope.AREA || WorkOrders.registeredBy(order, partner.username()));
  }

  /** Names the webhook, never its secret. */
  @Override
  public String toString() {
    return "Subscription[" + id + " of " + partnerId + " " + scope + "]";
  }
}
