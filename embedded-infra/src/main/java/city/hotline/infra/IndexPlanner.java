package city.hotline.infra;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the index a query reads its candidate documents through: a unique index (the {@code _id} one,
 * usually) whose every field the query fixes, beside whatever else it asks ({@code {_id: X, state: …}}),
 * else the secondary index that fixes the most leading fields and then bounds the next one.
 */
final class IndexPlanner {
    /** Beyond this many {@code $in} combinations a unique lookup is not worth it (a secondary index or a scan is). */
    private static final int MAX_LOOKUPS = 1_000;

    private IndexPlanner() {
    }

    /**
     * The positions of a superset of the documents the query matches through a unique index whose every
     * field the query fixes, or null if there is none.
     */
    static Iterable<Object> byUniqueIndex(List<Index<Object>> indexes, FieldConditions conditions) {
        for (Index<Object> index : indexes) {
            if (index.isUnique()) {
                Iterable<Object> found = byUniqueKeys(index, conditions);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The secondary index that narrows the query most, or null if none narrows it. */
    static SecondaryIndex.Plan bestSecondary(List<Index<Object>> indexes, FieldConditions conditions) {
        return indexes.stream()
                .filter(SecondaryIndex.class::isInstance)
                .map(index -> ((SecondaryIndex) index).plan(conditions))
                .filter(Objects::nonNull)
                .max(Comparator.comparingInt(SecondaryIndex.Plan::score))
                .orElse(null);
    }

    private static Iterable<Object> byUniqueKeys(Index<Object> index, FieldConditions conditions) {
        List<List<Object>> combinations = Combinations.start();
        for (var key : index.getKeys()) {
            FieldConditions.Condition condition = conditions.get(key.getKey());
            if (condition == null || !condition.isEquality()
                    || (long) combinations.size() * condition.rawValues().size() > MAX_LOOKUPS) {
                return null;
            }
            combinations = Combinations.extend(combinations, condition.rawValues());
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (List<Object> values : combinations) {
            Document lookup = new Document();
            for (int i = 0; i < values.size(); i++) {
                lookup.append(index.getKeys().get(i).getKey(), values.get(i));
            }
            if (!index.canHandle(lookup)) {
                return null;
            }
            index.getPositions(lookup).forEach(positions::add);
        }
        return positions;
    }
}
