package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A findOneAndUpdate is one step, as on MongoDB: the document it answers with is the one its own update made (or
 * found), never one a concurrent call changed since. Counters (ticket numbers, article ids, a citizen's tries) count
 * on it: callers racing on one counter each get their own number, 1 to N.
 */
class AtomicFindAndModifyTest {
    private static final int CALLERS = 8;
    private static final int CALLS_EACH = 25;
    private static final String COUNT = "n";

    @TempDir
    Path dir;
    private final ServedStores stores = new ServedStores();
    private MongoCollection<Document> counters;

    @BeforeEach
    void start() {
        counters = stores.collection(new KeyedH2Backend(dir.resolve("keyed.mv").toString()), "intake", "counters");
    }

    @AfterEach
    void stop() {
        stores.close();
    }

    @Test
    void racingIncrementsEachSeeTheirOwnCountAfterIt() throws Exception {
        counters.insertOne(new Document("_id", "c").append(COUNT, 0L));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

        List<Long> seen = race(() -> count(counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc(COUNT, 1L),
                after)));

        assertThat(seen).containsExactlyInAnyOrderElementsOf(oneTo(CALLERS * CALLS_EACH));
    }

    @Test
    void racingUpsertsCreateTheCounterOnceAndEachSeeTheirOwnCount() throws Exception {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

        List<Long> seen = race(() -> count(counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc(COUNT, 1L),
                after)));

        assertThat(seen).containsExactlyInAnyOrderElementsOf(oneTo(CALLERS * CALLS_EACH));
        assertThat(counters.countDocuments()).isEqualTo(1);
    }

    @Test
    void racingUpsertsEachSeeTheCountBeforeTheirOwn() throws Exception {
        FindOneAndUpdateOptions before = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.BEFORE);

        List<Long> seen = race(() -> {
            Document was = counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc(COUNT, 1L), before);
            return was == null ? 1 : count(was) + 1; // null: this call created the counter
        });

        assertThat(seen).containsExactlyInAnyOrderElementsOf(oneTo(CALLERS * CALLS_EACH));
    }

    /** Every caller's answers, the callers released at once. */
    private static List<Long> race(Callable<Long> call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                answers.add(callers.submit(() -> {
                    go.await();
                    List<Long> mine = new ArrayList<>();
                    for (int j = 0; j < CALLS_EACH; j++) {
                        mine.add(call.call());
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> answer : answers) {
                all.addAll(answer.get());
            }
            return all;
        } finally {
            callers.shutdownNow();
        }
    }

    private static long count(Document counter) {
        return ((Number) counter.get(COUNT)).longValue();
    }

    private static List<Long> oneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }
}
