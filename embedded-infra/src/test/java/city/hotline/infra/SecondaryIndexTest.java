package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secondary indexes in the embedded store: every answer the same as the stock store's, which ignores
 * them, for queries that fit an index, half fit it or do not fit it at all, while documents are added,
 * changed and removed; and a query that fits reads only the documents the index names.
 */
class SecondaryIndexTest {
    private static final List<String> UNITS = List.of("JIANGAN_CGJ", "JIANGHAN_CGJ", "WUCHANG_CGJ", "desk");
    private static final List<String> STATES = List.of("DISPATCHED", "CLAIMED", "RESOLVED", "CLOSED");
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private static final int DOCUMENTS = 400;

    @TempDir
    Path dir;
    private final ServedStores stores = new ServedStores();

    @AfterEach
    void stop() {
        stores.close();
    }

    @Test
    void everyQueryAnswersAsTheStockStoreDoesWhileDocumentsChange() {
        MongoCollection<Document> stock = cases(new H2Backend(dir.resolve("stock.mv").toString()));
        MongoCollection<Document> keyed = cases(new KeyedH2Backend(dir.resolve("keyed.mv").toString()));
        Random random = new Random(22);
        for (int round = 0; round < 30; round++) {
            long seed = random.nextLong();
            assertThat(queries(keyed, new Random(seed))).as("round %d", round).isEqualTo(queries(stock, new Random(seed)));
            long changes = random.nextLong();
            assertThat(change(keyed, new Random(changes))).isEqualTo(change(stock, new Random(changes)));
        }
        assertThat(keyed.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .isEqualTo(stock.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }

    @Test
    void anIndexComesBackWithTheStoresFileAndAgreesWithItsDocuments() {
        Path file = dir.resolve("reopened.mv");
        KeyedH2Backend first = new KeyedH2Backend(file.toString());
        MongoCollection<Document> cases = cases(first);
        List<Document> before = cases.find(queueOf("JIANGAN_CGJ")).sort(Sorts.ascending("deadline")).into(new ArrayList<>());
        stores.shutdown();

        KeyedH2Backend reopened = new KeyedH2Backend(file.toString());
        MongoCollection<Document> again = stores.cases(reopened);
        assertThat(again.find(queueOf("JIANGAN_CGJ")).sort(Sorts.ascending("deadline")).into(new ArrayList<>()))
                .isNotEmpty().isEqualTo(before);
        assertThat(again.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                .contains("unitId_1_state_1_deadline_1", "tags_1");
    }

    @Test
    void aQueryThatFitsReadsOnlyTheDocumentsItsIndexNames() {
        MVStore memory = MVStore.open(null);
        SecondaryIndex queue = new SecondaryIndex(memory, "queue", "queue", List.of(new IndexKey("unitId", true),
                new IndexKey("state", true), new IndexKey("deadline", true)), false);
        SecondaryIndex tags = new SecondaryIndex(memory, "tags", "tags", List.of(new IndexKey("tags", true)), false);
        for (int i = 0; i < DOCUMENTS; i++) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
            document.putAll(aCase(i));
            document.put("deadline", T0.plusSeconds(3600L * i));
            queue.add(document, "T" + i, null);
            tags.add(document, "T" + i, null);
        }

        assertThat(candidates(queue, new de.bwaldvogel.mongo.bson.Document("unitId", "JIANGAN_CGJ")
                .append("state", "DISPATCHED"))).as("a unit's queue: 1 in 16 of the cases").hasSize(DOCUMENTS / 16);
        assertThat(candidates(queue, new de.bwaldvogel.mongo.bson.Document("unitId", "JIANGAN_CGJ").append("state", "DISPATCHED")
                .append("deadline", new de.bwaldvogel.mongo.bson.Document("$lt", T0.plusSeconds(3600L * 100)))))
                .as("and of those, the ones due before the hundredth hour").hasSize(100 / 16 + 1);
        assertThat(candidates(queue, new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("unitId", new de.bwaldvogel.mongo.bson.Document("$in",
                        List.of("JIANGAN_CGJ", "desk"))),
                new de.bwaldvogel.mongo.bson.Document("state", "CLAIMED"))))).hasSize(2 * DOCUMENTS / 16);
        SecondaryIndex due = new SecondaryIndex(memory, "due", "due", List.of(new IndexKey("dueAt", true)), false);
        for (int i = 0; i < DOCUMENTS; i++) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "T" + i);
            if (i % 4 == 0) {
                document.put("dueAt", T0.plusSeconds(i));
            }
            due.add(document, "T" + i, null);
        }
        assertThat(candidates(due, new de.bwaldvogel.mongo.bson.Document("dueAt",
                new de.bwaldvogel.mongo.bson.Document("$lte", T0.plusSeconds(DOCUMENTS)))))
                .as("a range never reads the cases without a due time").hasSize(DOCUMENTS / 4);
        assertThat(candidates(tags, new de.bwaldvogel.mongo.bson.Document("tags", "urgent")))
                .as("an array field: one entry per element").hasSize(DOCUMENTS / 5);
        assertThat(queue.plan(FieldConditions.of(new de.bwaldvogel.mongo.bson.Document("state", "CLAIMED"))))
                .as("a query without the leading field does not fit").isNull();
        assertThat(queue.plan(FieldConditions.of(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("unitId", "desk")))))).as("nor does an alternative").isNull();
    }

    private static List<Object> candidates(SecondaryIndex index, de.bwaldvogel.mongo.bson.Document query) {
        return StreamSupport.stream(index.plan(FieldConditions.of(query)).positions().spliterator(), false).toList();
    }

    private static Bson queueOf(String unit) {
        return Filters.and(Filters.eq("unitId", unit), Filters.in("state", List.of("DISPATCHED", "CLAIMED")));
    }

    private MongoCollection<Document> cases(H2Backend backend) {
        MongoCollection<Document> cases = stores.cases(backend);
        cases.createIndex(Indexes.ascending("unitId", "state", "deadline"));
        cases.createIndex(Indexes.ascending("tags"));
        cases.createIndex(Indexes.descending("priority"));
        cases.createIndex(Indexes.ascending("outbox.at"));
        cases.createIndex(Indexes.ascending("scores"));
        cases.createIndex(Indexes.ascending("history.codes"));
        cases.createIndex(Indexes.ascending("district", "registeredAt"), new IndexOptions().name("district_time"));
        for (int i = 0; i < DOCUMENTS; i++) {
            cases.insertOne(aCase(i));
        }
        for (int i = 0; i < 20; i++) { // ids of another type, which a range of string ids must not pick up
            cases.insertOne(aCase(i).append("_id", i * 7));
        }
        return cases;
    }

    /** Every shape a field takes in the services' documents: missing, null, numbers of three kinds, arrays, empty arrays. */
    private static Document aCase(int i) {
        Document document = new Document("_id", "T" + i)
                .append("unitId", UNITS.get(i % 4))
                .append("state", STATES.get(i / 4 % 4))
                .append("district", i % 7 == 0 ? null : "D" + i % 3)
                .append("registeredAt", Date.from(T0.plusSeconds(60L * i)))
                .append("tags", i % 5 == 0 ? List.of("urgent", "repeat") : i % 5 == 1 ? List.of() : List.of("t" + i % 3))
                .append("priority", i % 3 == 0 ? (Object) i : i % 3 == 1 ? (Object) (long) i : (Object) (i + 0.5))
                .append("scores", List.of(i % 10, 20 + i % 10))
                .append("history", List.of(new Document("codes", List.of("a" + i % 3, "b")), new Document("codes", "c" + i % 4)))
                .append("outbox", i % 4 == 0 ? List.of() : List.of(new Document("at", Date.from(T0.plusSeconds(i)))));
        if (i % 6 != 0) {
            document.append("deadline", Date.from(T0.plusSeconds(3600L * (i % 50))));
        }
        return document;
    }

    /** One round of reads: each query with a sort, a skip and a limit drawn the same way on both stores. */
    private static List<Object> queries(MongoCollection<Document> cases, Random random) {
        List<Object> seen = new ArrayList<>();
        for (int q = 0; q < 25; q++) {
            Bson filter = filter(random);
            var find = cases.find(filter);
            switch (random.nextInt(6)) {
                case 0 -> find = find.sort(Sorts.ascending("deadline"));
                case 3 -> find = find.sort(Sorts.descending("deadline"));
                case 4 -> find = find.sort(random.nextBoolean() ? Sorts.descending("_id") : Sorts.ascending("_id"));
                case 1 -> find = find.sort(Sorts.orderBy(Sorts.descending("priority"), Sorts.ascending("_id")));
                case 2 -> find = find.sort(Sorts.descending("registeredAt"));
                default -> { } // the store's own order
            }
            if (random.nextBoolean()) {
                find = find.skip(random.nextInt(5)).limit(1 + random.nextInt(20));
            }
            seen.add(find.into(new ArrayList<>()));
            seen.add(cases.countDocuments(filter));
            seen.add(cases.countDocuments(filter, new CountOptions().skip(random.nextInt(3)).limit(random.nextInt(6))));
        }
        return seen;
    }

    private static Bson filter(Random random) {
        List<Bson> parts = new ArrayList<>();
        String unit = UNITS.get(random.nextInt(UNITS.size()));
        Date at = Date.from(T0.plusSeconds(3600L * random.nextInt(60)));
        switch (random.nextInt(16)) {
            case 0 -> parts.add(Filters.eq("unitId", unit));
            case 1 -> parts.addAll(List.of(Filters.eq("unitId", unit), Filters.eq("state", STATES.get(random.nextInt(4)))));
            case 2 -> parts.addAll(List.of(Filters.eq("unitId", unit), Filters.in("state", List.of("DISPATCHED", "CLAIMED")),
                    Filters.lte("deadline", at)));
            case 3 -> parts.addAll(List.of(Filters.in("unitId", List.of(unit, "desk")), Filters.eq("state", "CLAIMED"),
                    Filters.gt("deadline", at), Filters.lt("deadline", Date.from(at.toInstant().plusSeconds(36_000)))));
            case 4 -> parts.add(Filters.eq("tags", random.nextBoolean() ? "urgent" : "t1"));
            case 5 -> parts.addAll(List.of(Filters.gte("priority", random.nextInt(DOCUMENTS)), Filters.lt("priority", 300L)));
            case 6 -> parts.add(Filters.lt("outbox.at", Date.from(T0.plusSeconds(random.nextInt(DOCUMENTS)))));
            case 7 -> parts.addAll(List.of(Filters.eq("district", random.nextBoolean() ? null : "D1"),
                    Filters.gte("registeredAt", at)));
            case 8 -> parts.add(Filters.or(Filters.eq("unitId", unit), Filters.eq("tags", "repeat")));
            case 9 -> parts.addAll(List.of(Filters.eq("unitId", unit), Filters.ne("state", "CLOSED"),
                    Filters.exists("deadline", random.nextBoolean())));
            case 10 -> parts.addAll(List.of(Filters.eq("priority", random.nextInt(30)), Filters.eq("state", "CLAIMED")));
            case 12 -> parts.addAll(List.of(Filters.gte("_id", "T1"), Filters.lt("_id", "T" + random.nextInt(5))));
            case 13 -> parts.add(Filters.gt("_id", random.nextBoolean() ? "T3" : 50)); // a number bounds the numbers only
            case 15 -> parts.add(Filters.eq("history.codes", random.nextBoolean() ? "a1" : "c2")); // arrays in arrays
            case 14 -> parts.add(Filters.ne("state", "CLOSED")); // no index fits: a page by _id stops early
            case 11 -> parts.addAll(List.of(Filters.gt("scores", 5), Filters.lt("scores", 15))); // both bounds on an array field
            default -> parts.addAll(List.of(Filters.eq("_id", "T" + random.nextInt(DOCUMENTS)), Filters.eq("unitId", unit)));
        }
        if (random.nextInt(3) == 0) {
            parts.add(Filters.eq("unitId", unit)); // the same field twice, one of them maybe contradicting
        }
        Bson all = Filters.and(parts);
        return random.nextBoolean() ? all : Filters.and(Filters.and(parts.subList(0, 1)), Filters.and(parts));
    }

    /** One round of writes that move documents between index entries, add and remove them. */
    private static List<Object> change(MongoCollection<Document> cases, Random random) {
        List<Object> done = new ArrayList<>();
        Function<Integer, String> id = i -> "T" + i;
        for (int w = 0; w < 20; w++) {
            int i = random.nextInt(DOCUMENTS + 40);
            String unit = UNITS.get(random.nextInt(UNITS.size()));
            switch (random.nextInt(6)) {
                case 0 -> done.add(cases.updateOne(Filters.and(Filters.eq("_id", id.apply(i)), Filters.ne("state", "CLOSED")),
                        Updates.combine(Updates.set("state", STATES.get(random.nextInt(4))), Updates.set("unitId", unit)))
                        .getModifiedCount());
                case 1 -> done.add(cases.updateMany(Filters.and(Filters.eq("unitId", unit), Filters.eq("state", "RESOLVED")),
                        Updates.set("deadline", Date.from(T0.plusSeconds(random.nextInt(100_000))))).getModifiedCount());
                case 2 -> done.add(cases.updateOne(Filters.eq("_id", id.apply(i)),
                        Updates.combine(Updates.push("tags", "urgent"), Updates.unset("deadline"))).getModifiedCount());
                case 3 -> done.add(cases.deleteOne(Filters.and(Filters.eq("unitId", unit), Filters.eq("_id", id.apply(i))))
                        .getDeletedCount());
                case 4 -> done.add(cases.updateOne(Filters.eq("_id", id.apply(i)), Updates.set("priority", random.nextDouble()),
                        new com.mongodb.client.model.UpdateOptions().upsert(true)).getUpsertedId());
                default -> done.add(cases.findOneAndUpdate(Filters.and(Filters.eq("unitId", unit), Filters.eq("state", "DISPATCHED")),
                        Updates.pull("outbox", new Document())));
            }
        }
        return done;
    }
}
