package city.hotline.dispatch.routing;

import city.hotline.dispatch.admin.VersionedDocuments;
import city.hotline.support.mongo.Counters;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Units and routing rules, each looked up by its key ({@code _id}). Seeds a fresh database from
 * application.yml without overwriting edits: after the first start the database is the source of truth.
 */
@Repository
public class RoutingRepository {
  private final MongoCollection<Document> units;
  private final RuleRepository rules;

  RoutingRepository(MongoDatabase database, RoutingSeed seed, RuleRepository rules, Clock clock) {
    this.units = database.getCollection("units");
    this.rules = rules;
    seed(seed, clock.instant());
  }

  private void seed(RoutingSeed seed, Instant now) {
    UpdateOptions upsert = new UpdateOptions().upsert(true);
    for (RoutingSeed.SeedUnit unit : seed.units()) {
      units.updateOne(Filters.eq("_id", unit.id()), Updates.combine(Updates.setOnInsert("name", unit.name()),
          Updates.setOnInsert("active", true), Updates.setOnInsert("updatedBy", VersionedDocuments.SEED),
          Updates.setOnInsert("updatedAt", Date.from(now))), upsert);
      unit.rules().forEach(rule -> rules.seed(RuleVersion.seeded(rule, now)));
    }
  }

  /** The rule in force for a key; a retired rule is skipped, so routing falls through to the next most specific. */
  public Optional<RoutingRule> rule(String key) {
    return rules.find(key).filter(RuleVersion::active).map(RuleVersion::rule);
  }

  /** A unit that may be given cases now (a retired unit keeps its old cases but gets no new ones). */
  public Optional<Unit> activeUnit(String id) {
    return details(id).filter(UnitDetails::active).map(UnitDetails::unit);
  }

  public Optional<Unit> unit(String id) {
    return details(id).map(UnitDetails::unit);
  }

  Optional<UnitDetails> details(String id) {
    return Optional.ofNullable(units.find(Filters.eq("_id", id)).first()).map(RoutingRepository::details);
  }

  /** Every unit, active or retired, sorted by id: a read of a small collection. */
  List<UnitDetails> units() {
    return units.find().sort(Sorts.ascending("_id")).map(RoutingRepository::details).into(new ArrayList<>());
  }

  /**
   * Creates or changes a unit in one write (two admins creating the same unit at once: the later one changes it);
   * @return whether it was new
   */
  boolean save(UnitDetails unit) {
    Document before = Counters.upsert(units, Filters.eq("_id", unit.id()), Updates.combine(
        Updates.set("name", unit.name()), Updates.set("active", unit.active()),
        Updates.set("updatedBy", unit.updatedBy()), Updates.set("updatedAt", Date.from(unit.updatedAt()))));
    return before == null;
  }

  /** Units written before units were edited by admins have no author: they are seeds. */
  private static UnitDetails details(Document d) {
    Date at = d.getDate("updatedAt");
    return new UnitDetails(d.getString("_id"), d.getString("name"), d.getBoolean("active", true),
        Objects.requireNonNullElse(d.getString("updatedBy"), VersionedDocuments.SEED), at == null ? null : at.toInstant());
  }
}
