package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TTL indexes on the embedded store expire documents as mongod's TTL monitor does (the gateway's revoked tokens and
 * throttle entries, a citizen's progress tries count on it): a document goes once the date in the indexed field is
 * older than {@code expireAfterSeconds}; one without a date there stays.
 */
class TtlIndexTest {
    /** Short, so a test waits a moment for the monitor instead of mongod's minute. */
    private static final Duration MONITOR = Duration.ofMillis(100);
    private static final String AT = "forgetAt";
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;
    private final ServedStores stores = new ServedStores();

    @AfterEach
    void stop() {
        stores.close();
    }

    @Test
    void documentsGoOnceTheirDateIsOlderThanTheIndexSaysAndOthersStay() {
        MongoCollection<Document> tries = tries(new KeyedH2Backend(dir.resolve("ttl.mv").toString(), false, MONITOR));
        tries.createIndex(Indexes.ascending(AT), new IndexOptions().expireAfter(1L, TimeUnit.HOURS));
        tries.createIndex(Indexes.ascending("phone", AT));
        tries.insertMany(List.of(
                aTry("two hours ago", date(NOW.minusSeconds(7200))),
                aTry("ten minutes ago", date(NOW.minusSeconds(600))),
                aTry("an array, earliest two hours ago", List.of(date(NOW.plusSeconds(60)), date(NOW.minusSeconds(7200)))),
                aTry("an array, all recent", List.of(date(NOW.minusSeconds(600)), date(NOW.plusSeconds(60)))),
                aTry("text", "2000-01-01T00:00:00Z"),
                aTry("a number", 0L),
                new Document("_id", "no date").append("phone", "p")));

        await().untilAsserted(() -> assertThat(ids(tries.find())).doesNotContain("two hours ago"));

        assertThat(ids(tries.find())).containsExactlyInAnyOrder("ten minutes ago", "an array, all recent", "text",
                "a number", "no date");
        assertThat(ids(tries.find(Filters.and(Filters.eq("phone", "p"), Filters.lt(AT, date(NOW))))))
                .as("the indexes forgot the deleted documents too")
                .containsExactlyInAnyOrder("ten minutes ago", "an array, all recent");
    }

    @Test
    void aRestartedStoreKeepsExpiringByTheIndexesItStored() {
        Path file = dir.resolve("restarted.mv");
        MongoCollection<Document> tries = tries(new KeyedH2Backend(file.toString(), false, MONITOR));
        tries.createIndex(Indexes.ascending(AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        stores.shutdown();

        MongoCollection<Document> again = tries(new KeyedH2Backend(file.toString(), false, MONITOR));
        again.insertMany(List.of(aTry("expired", date(NOW.minusSeconds(1))), aTry("due in an hour", date(NOW.plusSeconds(3600)))));

        await().untilAsserted(() -> assertThat(ids(again.find())).containsExactly("due in an hour"));
    }

    @Test
    void onlyASingleFieldOtherThanTheIdMakesATtlIndexAsOnMongoDb() {
        assertThat(TtlIndex.of("gateway", definition(new Document(AT, 1), 0)))
                .contains(new TtlIndex("throttle", AT, 0));
        assertThat(TtlIndex.of("gateway", definition(new Document("account", 1).append(AT, 1), 0)))
                .as("compound: MongoDB ignores expireAfterSeconds").isEmpty();
        assertThat(TtlIndex.of("gateway", definition(new Document("_id", 1), 0))).isEmpty();
        assertThat(TtlIndex.of("gateway", definition(new Document(AT, 1), null))).as("no TTL").isEmpty();
    }

    private static de.bwaldvogel.mongo.bson.Document definition(Document key, Integer expireAfterSeconds) {
        de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document();
        key.forEach(stored::append);
        de.bwaldvogel.mongo.bson.Document definition = new de.bwaldvogel.mongo.bson.Document("key", stored)
                .append("name", "an index").append("ns", "gateway.throttle");
        if (expireAfterSeconds != null) {
            definition.append("expireAfterSeconds", expireAfterSeconds);
        }
        return definition;
    }

    private MongoCollection<Document> tries(KeyedH2Backend backend) {
        return stores.collection(backend, "intake", "progressTries");
    }

    private static Document aTry(String id, Object at) {
        return new Document("_id", id).append("phone", "p").append(AT, at);
    }

    private static Date date(Instant at) {
        return Date.from(at);
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
