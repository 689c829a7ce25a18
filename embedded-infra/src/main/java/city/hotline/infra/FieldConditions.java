package city.hotline.infra;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a query requires of single fields, as far as an index can use it: a set of values ({@code {f: v}},
 * {@code $eq}, {@code $in}) or a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}), read from the
 * query's top level and its {@code $and} clauses, however nested.
 *
 * <p>Every condition kept here is implied by the query, so the documents an index finds with them are a
 * superset of the answer; the store still matches each one against the whole query. Whatever is left out
 * ({@code $or}, {@code $ne}, {@code $exists}, {@code null}, regular expressions, subdocuments, arrays) only
 * means more documents are looked at, never a different answer.
 */
final class FieldConditions {

    /** One field's condition; {@code values} null for a range, either bound may be null (open). */
    record Condition(List<Object> values, List<Object> rawValues, Object lower, Object upper) {
        boolean isEquality() {
            return values != null;
        }

        boolean isRange() {
            return values == null && (lower != null || upper != null);
        }
    }

    private final Map<String, Condition> byField = new HashMap<>();

    private FieldConditions() {
    }

    static FieldConditions of(Document query) {
        FieldConditions conditions = new FieldConditions();
        conditions.read(query);
        return conditions;
    }

    Condition get(String field) {
        return byField.get(field);
    }

    private void read(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            if (field.equals("$and") && entry.getValue() instanceof Collection<?> clauses) {
                clauses.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(this::read);
            } else if (!field.startsWith("$")) {
                Condition condition = condition(entry.getValue());
                // An equality narrows more than a range; either alone is implied by the query.
                if (condition != null && (!byField.containsKey(field) || condition.isEquality())) {
                    byField.put(field, condition);
                }
            }
        }
    }

    private static Condition condition(Object value) {
        if (isIndexable(value)) {
            return equality(List.of(value));
        }
        if (!(value instanceof Document operators) || operators.keySet().stream().anyMatch(k -> !k.startsWith("$"))) {
            return null;
        }
        if (isIndexable(operators.get("$eq"))) {
            return equality(List.of(operators.get("$eq")));
        }
        if (operators.get("$in") instanceof Collection<?> in && in.stream().allMatch(FieldConditions::isIndexable)) {
            return equality(new ArrayList<>(in));
        }
        Object lower = bound(operators, "$gte", "$gt");
        Object upper = bound(operators, "$lte", "$lt");
        return lower == null && upper == null ? null : new Condition(null, null, normalize(lower), normalize(upper));
    }

    private static Object bound(Document operators, String inclusive, String exclusive) {
        Object value = operators.get(inclusive);
        if (!isIndexable(value)) {
            value = operators.get(exclusive);
        }
        return isIndexable(value) ? value : null;
    }

    private static Condition equality(List<Object> raw) {
        return new Condition(raw.stream().map(FieldConditions::normalize).toList(), raw, null, null);
    }

    /** Scalars whose equality and order the store's comparator defines exactly as a match does. */
    private static boolean isIndexable(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant || value instanceof ObjectId || value instanceof UUID;
    }

    /** The form the store compares index keys in (numbers as doubles, as the stock unique index keeps them). */
    static Object normalize(Object value) {
        return value == null ? null : new KeyValue(value).normalized().get(0);
    }
}
