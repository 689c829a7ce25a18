package city.hotline.intake.partner;

import city.hotline.support.mongo.Counters;
import city.hotline.support.web.ApiException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * 合作单位: the partner systems allowed in through Open311 and webhooks. Ids PT0001, … from a counter, so replicas never
 * hand out one twice; keys issued here are shown once and stored only as their hash.
 */
@Component
public class Partners {
  private static final String COUNTER = "partner";

  private final PartnerRepository store;
  private final MongoCollection<Document> counters;
  private final Clock clock;

  Partners(PartnerRepository store, MongoDatabase database, Clock clock) {
    this.store = store;
    this.counters = database.getCollection("partner_counters");
    this.clock = clock;
  }

  /** A new partner has its id, no reports and this key. */
  public record Issued(Partner partner, String apiKey) {}

  /** The partner, revoked or not, or empty. */
  public Optional<Partner> find(String partnerId) {
    return store.find(partnerId);
  }

  /** The partner this api key belongs to, revoked or not (the caller tells them apart), or empty: unknown or replaced. */
  public Optional<Partner> withKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      return Optional.empty();
    }
    return store.findByKeyHash(ApiKeys.hash(apiKey.strip()));
  }

  public List<Partner> all() {
    return store.all();
  }

  public Issued create(String name, String contact) {
    String id = String.format("PT%04d", Counters.next(counters, COUNTER));
    String key = ApiKeys.newKey();
    Instant now = clock.instant();
    Partner partner = new Partner(id, name, false, now, contact, ApiKeys.hash(key), now, null);
    store.insert(partner);
    return new Issued(partner, key);
  }

  /** Revoked: its key opens nothing from now on, and no webhook is delivered to it. Revoking twice is a 409. */
  public Partner revoke(String partnerId) {
    Partner partner = existing(partnerId);
    if (!store.revoke(partnerId, clock.instant())) {
      throw revokedAlready(partner);
    }
    return existing(partnerId);
  }

  /** A new key; the old one stops working at once. A revoked partner gets none (409). */
  public Issued newKey(String partnerId) {
    Partner partner = existing(partnerId);
    String key = ApiKeys.newKey();
    if (!store.replaceKey(partnerId, ApiKeys.hash(key), clock.instant())) {
      throw revokedAlready(partner);
    }
    return new Issued(existing(partnerId), key);
  }

  private Partner existing(String partnerId) {
    return store.find(partnerId).orElseThrow(() -> ApiException.notFound("partner", partnerId));
  }

  private static ApiException revokedAlready(Partner partner) {
    return ApiException.conflict("partner " + partner.id() + " is revoked; a revoked partner stays revoked",
        Map.of("revoked", true));
  }
}
