package city.hotline.intake.webhook;

import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.partner.Partner;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A partner's webhook: where to send the changes of which tickets, and the secret the deliveries are signed with (kept
 * as it is, since intake must sign with it; shown to the partner once).
 *
 * @param category only tickets of this category, when set
 * @param district only tickets of this district, when set
 * @param createdAt it hears of changes from then on, never of older ones a replay of the topics brings back
 */
public record Subscription(
    @BsonId String id,
    @BsonProperty(Subscription.PARTNER_ID) String partnerId,
    String url,
    Scope scope,
    String category,
    String district,
    String secret,
    Instant createdAt) {

  static final String ID = "_id";
  static final String PARTNER_ID = "partnerId";

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
