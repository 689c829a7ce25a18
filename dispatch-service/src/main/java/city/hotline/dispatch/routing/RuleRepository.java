package city.hotline.dispatch.routing;

import city.hotline.dispatch.admin.VersionedDocuments;
import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Routing rules (路由规则) in {@code routing_rules}, keyed {@code district|category}, and every version of
 * each in {@code routing_rule_versions}, keyed {@code district|category|vN}. A change is first journaled
 * as its version (insert-if-absent) and then applied to the rule guarded on the version it was based on,
 * so a crash between the two never loses history and two changes of one version never both apply. Each
 * change carries a {@code changeId}, so a journaled change can be told from another one for the same version.
 */
@Repository
class RuleRepository {
  static final String RULES = "routing_rules";
  static final String VERSIONS = "routing_rule_versions";

  private final MongoCollection<Document> rules;
  private final MongoCollection<Document> versions;

  /** A version as journaled, with the change that wrote it. */
  record Journaled(RuleVersion rule, String changeId) {}

  RuleRepository(MongoDatabase database) {
    this.rules = database.getCollection(RULES);
    this.versions = database.getCollection(VERSIONS);
  }

  static String versionId(String key, int version) {
    return key + "|v" + version;
  }

  /** The rule in its newest version, active or retired. */
  Optional<RuleVersion> find(String key) {
    return Optional.ofNullable(rules.find(Filters.eq("_id", key)).first()).map(RuleRepository::version);
  }

  Optional<String> changeId(String key) {
    return Optional.ofNullable(rules.find(Filters.eq("_id", key)).first()).map(d -> d.getString("changeId"));
  }

  /** Every rule, sorted by key: an admin read of a small collection. */
  List<RuleVersion> all() {
    return rules.find().sort(Sorts.ascending("_id")).map(RuleRepository::version).into(new ArrayList<>());
  }

  /** The keys of the active rules that send cases to a unit (an admin scan of a small collection). */
  List<String> activeKeysFor(String unitId) {
    return rules.find(Filters.eq("unitId", unitId)).map(RuleRepository::version).into(new ArrayList<>()).stream()
        .filter(RuleVersion::active).map(RuleVersion::key).sorted().toList();
  }

  /** Versions 1 to {@code upTo} of a rule, newest first: one keyed read of their ids. */
  List<RuleVersion> history(String key, int upTo) {
    List<String> ids = IntStream.rangeClosed(1, upTo).mapToObj(v -> versionId(key, v)).toList();
    return versions.find(Filters.in("_id", ids)).map(RuleRepository::version).into(new ArrayList<>()).stream()
        .sorted(Comparator.comparingInt(RuleVersion::version).reversed()).toList();
  }

  Optional<Journaled> journaled(String key, int version) {
    return Optional.ofNullable(versions.find(Filters.eq("_id", versionId(key, version))).first())
        .map(d -> new Journaled(version(d), d.getString("changeId")));
  }

  /** @return false when this version of the rule is journaled already (another change, or one a crash interrupted) */
  boolean journal(RuleVersion rule, String changeId) {
    return Inserts.insertIfAbsent(versions,
        withId(versionId(rule.key(), rule.version()), fields(rule, changeId).append("key", rule.key())));
  }

  /**
   * Makes a journaled version the rule's newest, if the rule is still at the version before it.
   *
   * @return false when the rule has moved on (or, for version 1, exists already)
   */
  boolean apply(RuleVersion rule, String changeId) {
    return VersionedDocuments.save(rules, rule.key(), fields(rule, changeId));
  }

  /** A seeded version 1, journaled then written, each only where nothing is there yet (never overwrites an edit). */
  void seed(RuleVersion rule) {
    VersionedDocuments.seed(versions, versionId(rule.key(), rule.version()),
        fields(rule, VersionedDocuments.SEED).append("key", rule.key()));
    VersionedDocuments.seed(rules, rule.key(), fields(rule, VersionedDocuments.SEED));
  }

  private static Document withId(String id, Document fields) {
    Document document = new Document("_id", id);
    document.putAll(fields);
    return document;
  }

  private static Document fields(RuleVersion rule, String changeId) {
    return new Document("district", rule.district())
        .append("category", rule.category())
        .append("unitId", rule.unitId())
        .append(VersionedDocuments.VERSION, rule.version())
        .append("active", rule.active())
        .append("updatedBy", rule.updatedBy())
        .append("updatedAt", Date.from(rule.updatedAt()))
        .append("changeId", changeId);
  }

  /** Rules written before rules were versioned by admins have no active flag or author: they are active seeds. */
  private static RuleVersion version(Document d) {
    Date at = d.getDate("updatedAt");
    return new RuleVersion(d.getString("district"), d.getString("category"), d.getString("unitId"),
        d.getInteger(VersionedDocuments.VERSION, 1), d.getBoolean("active", true),
        Objects.requireNonNullElse(d.getString("updatedBy"), VersionedDocuments.SEED), at == null ? null : at.toInstant());
  }
}
