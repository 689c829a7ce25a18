package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed store must answer every query exactly as the stock one does: the same cases, side by side. */
class KeyedH2BackendTest {
    private static final int CASES = 300;
    @TempDir
    Path dir;
    private final ServedStores stores = new ServedStores();

    @AfterEach
    void stop() {
        stores.close();
    }

    private MongoCollection<Document> cases(H2Backend backend) {
        MongoCollection<Document> cases = stores.cases(backend);
        for (int i = 0; i < CASES; i++) {
            cases.insertOne(new Document("_id", "T" + i).append("state", i % 3 == 0 ? "DISPATCHED" : "CLAIMED")
                    .append("rev", 0));
        }
        return cases;
    }

    /** What each store does for the same sequence of reads and guarded writes. */
    private List<Object> play(MongoCollection<Document> cases) {
        List<Object> seen = new ArrayList<>();
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Function<Bson, Object> claim = guard -> cases.findOneAndUpdate(guard,
                Updates.combine(Updates.set("state", "CLAIMED"), Updates.inc("rev", 1)), after);
        seen.add(claim.apply(Filters.and(Filters.eq("_id", "T3"), Filters.eq("state", "DISPATCHED"))));
        seen.add(claim.apply(Filters.and(Filters.eq("_id", "T3"), Filters.eq("state", "DISPATCHED"))));
        seen.add(claim.apply(Filters.and(Filters.eq("_id", "T4"), Filters.in("state", List.of("DISPATCHED")))));
        seen.add(claim.apply(new Document("_id", "T6").append("state", "DISPATCHED")));
        seen.add(claim.apply(Filters.and(Filters.eq("_id", "T-none"), Filters.eq("state", "DISPATCHED"))));
        seen.add(cases.updateOne(Filters.and(Filters.eq("_id", "T9"), Filters.eq("rev", 0)), Updates.inc("rev", 5))
                .getModifiedCount());
        seen.add(cases.updateOne(Filters.and(Filters.and(Filters.eq("_id", "T9"), Filters.ne("state", "CLOSED")),
                Filters.lte("rev", 5)), Updates.inc("rev", 1)).getModifiedCount());
        // intake's timeline step: once per event id, and only forward in time
        Bson step = Filters.and(Filters.eq("_id", "T15"), Filters.ne("audit.eventId", "e1"), Filters.lte("rev", 0));
        Bson record = Updates.combine(Updates.push("audit", new Document("eventId", "e1")), Updates.inc("rev", 1));
        seen.add(cases.updateOne(step, record).getModifiedCount());
        seen.add(cases.updateOne(step, record).getModifiedCount());
        seen.add(cases.find(Filters.and(Filters.eq("_id", "T1"), Filters.and(Filters.eq("_id", "T2"), Filters.eq("rev", 0))))
                .into(new ArrayList<>()));
        seen.add(cases.updateOne(Filters.and(Filters.eq("_id", "NEW"), Filters.eq("state", "DISPATCHED")),
                Updates.set("rev", 1), new com.mongodb.client.model.UpdateOptions().upsert(true)).getUpsertedId());
        seen.add(cases.find(Filters.and(Filters.eq("_id", "NEW"), Filters.eq("rev", 1))).first());
        seen.add(cases.find(Filters.and(Filters.in("_id", List.of("T1", "T2")), Filters.eq("state", "CLAIMED")))
                .into(new ArrayList<>()));
        seen.add(cases.deleteOne(Filters.and(Filters.eq("_id", "T12"), Filters.eq("state", "CLAIMED"))).getDeletedCount());
        seen.add(cases.deleteOne(Filters.and(Filters.eq("_id", "T12"), Filters.eq("state", "DISPATCHED"))).getDeletedCount());
        seen.add(cases.countDocuments(Filters.eq("state", "DISPATCHED")));
        seen.add(cases.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        return seen;
    }

    @Test
    void guardedReadsAndWritesByIdGiveWhatTheStockStoreGives() {
        List<Object> stock = play(cases(new H2Backend(dir.resolve("stock.mv").toString())));
        List<Object> keyed = play(cases(new KeyedH2Backend(dir.resolve("keyed.mv").toString())));

        assertThat(keyed).isEqualTo(stock);
        assertThat(((Document) keyed.get(0)).get("rev")).as("the guard held once").isEqualTo(1);
        assertThat(keyed.get(1)).as("and refused the second claim").isNull();
        assertThat(keyed.get(4)).isNull();
        assertThat(keyed.get(6)).as("a guard nested in an $and").isEqualTo(1L);
        assertThat(keyed.get(7)).as("a timeline step is recorded").isEqualTo(1L);
        assertThat(keyed.get(8)).as("once").isEqualTo(0L);
        assertThat(keyed.get(9)).as("two ids required at once name no document").isEqualTo(List.of());
        assertThat(keyed.get(13)).isEqualTo(0L);
        assertThat(keyed.get(14)).isEqualTo(1L);
    }
}
