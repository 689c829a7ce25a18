package city.hotline.intake.partner;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Partners by id and by their key's hash; each change one guarded single-document update. */
@Repository
class PartnerRepository {
  static final String COLLECTION = "partners";

  private final MongoCollection<Partner> partners;

  PartnerRepository(MongoDatabase database) {
    this.partners = database.getCollection(COLLECTION, Partner.class);
    // every Open311 POST looks its partner up by the key's hash
    partners.createIndex(Indexes.ascending(Partner.KEY_HASH));
  }

  void insert(Partner partner) {
    partners.insertOne(partner);
  }

  Optional<Partner> find(String id) {
    return Optional.ofNullable(partners.find(Filters.eq(Partner.ID, id)).first());
  }

  Optional<Partner> findByKeyHash(String keyHash) {
    return Optional.ofNullable(partners.find(Filters.eq(Partner.KEY_HASH, keyHash)).first());
  }

  List<Partner> all() {
    return partners.find().sort(Sorts.ascending(Partner.ID)).into(new ArrayList<>());
  }

  /** @return false when it is unknown or revoked already */
  boolean revoke(String id, Instant at) {
    return partners.updateOne(Filters.and(Filters.eq(Partner.ID, id), Filters.eq(Partner.REVOKED, false)),
        Updates.combine(Updates.set(Partner.REVOKED, true), Updates.set("revokedAt", at))).getMatchedCount() > 0;
  }

  /** A new key in place of the old one, only while not revoked. @return false when unknown or revoked */
  boolean replaceKey(String id, String keyHash, Instant at) {
    return partners.updateOne(Filters.and(Filters.eq(Partner.ID, id), Filters.eq(Partner.REVOKED, false)),
        Updates.combine(Updates.set(Partner.KEY_HASH, keyHash), Updates.set("keyIssuedAt", at)))
        .getMatchedCount() > 0;
  }
}
