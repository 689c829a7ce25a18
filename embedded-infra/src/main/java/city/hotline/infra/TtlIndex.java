package city.hotline.infra;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.Optional;

/**
 * A TTL index ({@code createIndex(..., expireAfter(...))}): its collection's documents expire once the date in its
 * field is older than {@code expireAfterSeconds}. Read from the index definitions the store keeps with its data, so
 * a restarted store knows them without being told again.
 *
 * @param collection         the collection's name within its database
 * @param field              the indexed field (dotted for a nested one)
 * @param expireAfterSeconds how long after its date a document expires
 */
record TtlIndex(String collection, String field, long expireAfterSeconds) {
    private static final String ID = "_id";

    /**
     * The TTL index this stored definition describes, if it is one: {@code expireAfterSeconds} on a single field
     * other than {@code _id}. MongoDB ignores the option on a compound index, and so does this store.
     */
    static Optional<TtlIndex> of(String database, Document definition) {
        if (!(definition.get("expireAfterSeconds") instanceof Number seconds)
                || !(definition.get("key") instanceof Document key) || key.size() != 1
                || !(definition.get("ns") instanceof String namespace) || !namespace.startsWith(database + ".")) {
            return Optional.empty();
        }
        String field = key.keySet().iterator().next();
        if (field.equals(ID)) {
            return Optional.empty();
        }
        return Optional.of(new TtlIndex(namespace.substring(database.length() + 1), field, seconds.longValue()));
    }

    /**
     * The documents expired at {@code now}: the field holds a date older than the limit (an array: its earliest date,
     * so any date in it).
     * A range on a date matches dates only, as on MongoDB: a document without the field, or with text or a number
     * there, never expires.
     */
    Document expiredAt(Instant now) {
        return new Document(field, new Document("$lt", now.minusSeconds(expireAfterSeconds)));
    }
}
