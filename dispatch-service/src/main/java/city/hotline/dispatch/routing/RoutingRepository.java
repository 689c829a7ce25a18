package city.hotline.dispatch.routing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Units and routing rules, each looked up by its key ({@code _id}). Seeds a fresh database without overwriting edits. */
@Repository
public class RoutingRepository {
  private final MongoCollection<Document> units;
  private final MongoCollection<Document> rules;

  RoutingRepository(MongoDatabase database, RoutingSeed seed) {
    this.units = database.getCollection("units");
    this.rules = database.getCollection("routing_rules");
    seed(seed);
  }

  private void seed(RoutingSeed seed) {
    UpdateOptions upsert = new UpdateOptions().upsert(true);
    for (RoutingSeed.SeedUnit unit : seed.units()) {
      units.updateOne(Filters.eq("_id", unit.id()),
          Updates.combine(Updates.setOnInsert("name", unit.name()), Updates.setOnInsert("active", true)), upsert);
      unit.rules().forEach(rule -> rules.updateOne(Filters.eq("_id", rule.key()), Updates.combine(
          Updates.setOnInsert("district", rule.district()),
          Updates.setOnInsert("category", rule.category()),
          Updates.setOnInsert("unitId", rule.unitId()),
          Updates.setOnInsert("version", rule.version())), upsert));
    }
  }

  public Optional<RoutingRule> rule(String key) {
    return Optional.ofNullable(rules.find(Filters.eq("_id", key)).first())
        .map(d -> new RoutingRule(d.getString("district"), d.getString("category"), d.getString("unitId"),
            d.getInteger("version", 1)));
  }

  /** A unit that may be given cases now (a retired unit keeps its old cases but gets no new ones). */
  public Optional<Unit> activeUnit(String id) {
    return Optional.ofNullable(units.find(Filters.and(Filters.eq("_id", id), Filters.eq("active", true))).first())
        .map(d -> new Unit(d.getString("_id"), d.getString("name")));
  }

  /** Every unit that may be given cases now, by id; the collection holds a few dozen units at most. */
  public List<Unit> activeUnits() {
    List<Unit> active = new ArrayList<>();
    units.find(Filters.eq("active", true)).forEach(d -> active.add(new Unit(d.getString("_id"), d.getString("name"))));
    active.sort(Comparator.comparing(Unit::id));
    return active;
  }

  public Optional<Unit> unit(String id) {
    return Optional.ofNullable(units.find(Filters.eq("_id", id)).first())
        .map(d -> new Unit(d.getString("_id"), d.getString("name")));
  }
}
