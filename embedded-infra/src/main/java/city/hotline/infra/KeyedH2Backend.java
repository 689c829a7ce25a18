package city.hotline.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 store, taught four things MongoDB does.
 *
 * <p>A write is answered only once it is in the store's file ({@link GroupCommit}); the stock server
 * answered before H2 had written it, so a killed store lost up to a second of acknowledged writes.
 *
 * <p>Ordinary secondary indexes ({@code createIndex} without {@code unique}), which the stock server
 * accepts and ignores, are kept ({@link SecondaryIndex}) and used: a query reads the documents the best
 * fitting index names — a unique index whose every field the query fixes, else the secondary index that
 * fixes the most leading fields and then bounds the next — and matches, sorts and pages them exactly as
 * the stock server does after reading every document. The stock server used an index only for a query on
 * exactly the index's keys, so every guarded update beside its {@code _id} ({@code {_id: X, state: …}})
 * and every queue or deadline query scanned the whole collection. Which documents are looked at is all
 * that differs; the answer is the same (KeyedH2BackendTest plays the same queries on both stores).
 *
 * <p>A findAndModify answers with the document as its own update left it (AtomicFindAndModifyTest), not as a
 * concurrent one changed it since.
 *
 * <p>TTL indexes ({@link TtlIndex}), which the stock server accepts and never acts on, expire documents: like
 * mongod's TTL monitor, a pass every {@code ttlMonitorInterval} deletes each TTL index's expired documents, as a
 * client's delete would (index entries removed with them, committed before the pass goes on). The revoked tokens,
 * throttle entries and citizens' progress tries that count on it no longer pile up.
 */
final class KeyedH2Backend extends H2Backend {
    private static final Logger LOG = LoggerFactory.getLogger(KeyedH2Backend.class);
    /** Where mongo-java-server's H2 backend keeps a collection's documents and its metadata. */
    private static final String DATA_MAP = "databases.";
    private static final String META_MAP = "meta.";
    private static final String ID = "_id";
    /** Where a database keeps its index definitions, TTL options included. */
    private static final String INDEX_DEFINITIONS = "system.indexes";

    /** The commands that change data; every other command only reads and is answered at once. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    /** Writes share it; a commit takes it alone, so it never stores a write half done. */
    private final ReentrantReadWriteLock writing = new ReentrantReadWriteLock();
    private final GroupCommit commits;
    /** Documents inserted, changed or removed by the writes answered so far (for the store's metrics). */
    private final LongAdder documentsWritten = new LongAdder();
    private final ScheduledExecutorService ttlMonitor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ttl-monitor");
        thread.setDaemon(true);
        return thread;
    });

    KeyedH2Backend(String file) {
        this(file, false);
    }

    KeyedH2Backend(String file, boolean fsync) {
        this(file, fsync, Settings.DEFAULT_STORE_TTL_MONITOR_INTERVAL);
    }

    /**
     * H2 would also commit on its own, about once a second from a thread of its own, whatever the writes were
     * doing; a commit between a document's change and its index entries' would leave a killed store with an
     * index that disagrees with its data. So only {@link GroupCommit} commits, between writes.
     */
    KeyedH2Backend(String file, boolean fsync, Duration ttlMonitorInterval) {
        super(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
        this.commits = new GroupCommit(getMvStore(), fsync, writing.writeLock());
        long every = ttlMonitorInterval.toMillis();
        ttlMonitor.scheduleWithFixedDelay(this::deleteExpired, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        return write(() -> super.handleCommand(channel, database, command, query),
                answer -> documentsWritten(command, answer));
    }

    /** Changes the maps beside other writes, never during a commit, and returns once the change is in the file. */
    private <T> T write(Supplier<T> change, ToLongFunction<T> documents) {
        writing.readLock().lock();
        try {
            T result = change.get();
            documentsWritten.add(documents.applyAsLong(result));
            return result;
        } finally {
            writing.readLock().unlock();
            // Also after a failure: an ordered insert that stopped at a duplicate kept what it inserted.
            commits.awaitDurable();
        }
    }

    /**
     * One pass of the TTL monitor over every database's TTL indexes. A failure (a database dropped meanwhile) is
     * logged and the pass goes on; the next pass tries again, as mongod's does. Letting it escape would end the
     * monitor for good: a scheduled task that throws is never run again.
     */
    private void deleteExpired() {
        Instant now = Instant.now(getClock());
        for (String name : List.copyOf(listDatabaseNames())) {
            try {
                deleteExpired(resolveDatabase(name), now);
            } catch (RuntimeException e) {
                LOG.warn("TTL monitor could not delete the expired documents of database {}", name, e);
            }
        }
    }

    private void deleteExpired(MongoDatabase database, Instant now) {
        MongoCollection<?> definitions = database.resolveCollection(INDEX_DEFINITIONS, false);
        if (definitions == null) {
            return;
        }
        List<TtlIndex> ttlIndexes = new ArrayList<>();
        definitions.queryAll().forEach(definition -> TtlIndex.of(database.getDatabaseName(), definition)
                .ifPresent(ttlIndexes::add));
        for (TtlIndex index : ttlIndexes) {
            MongoCollection<?> collection = database.resolveCollection(index.collection(), false);
            int deleted = collection == null ? 0
                    : write(() -> collection.deleteDocuments(index.expiredAt(now), 0, oplog), n -> n);
            if (deleted > 0) {
                LOG.debug("TTL monitor deleted {} expired documents of {}", deleted, collection.getFullName());
            }
        }
    }

    /** Stops the TTL monitor, letting a pass under way finish (an interrupt would close H2's file), then the store. */
    @Override
    public void close() {
        ttlMonitor.shutdown();
        try {
            if (!ttlMonitor.awaitTermination(Settings.MONGO_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("TTL monitor still deleting after {}; closing the store anyway", Settings.MONGO_STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }

    GroupCommit groupCommit() {
        return commits;
    }

    long documentsWritten() {
        return documentsWritten.sum();
    }

    /**
     * What the answer to a write says it changed: inserted ({@code n}), modified or upserted, deleted ({@code n}),
     * or the one document of a findAndModify that found or upserted one. Other writes (indexes, drops) count none.
     */
    static long documentsWritten(String command, Document answer) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "insert", "delete" -> number(answer.get("n"));
            case "update" -> number(answer.get("nModified"))
                    + (answer.get("upserted") instanceof List<?> upserted ? upserted.size() : 0);
            case "findandmodify" -> answer.get("lastErrorObject") instanceof Document last ? number(last.get("n")) : 0;
            default -> 0;
        };
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new KeyedDatabase(databaseName, getCursorRegistry());
    }

    /** An inner class: its super constructor already opens collections, before a field of its own would be set. */
    private final class KeyedDatabase extends H2Database {

        KeyedDatabase(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new KeyedCollection(this, collectionName, options, getMvStore(), namespace, cursorRegistry);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collection) {
                Document count = IndexedCount.answer(query, resolveCollection(collection, false),
                        getFullCollectionNamespace(collection));
                if (count != null) {
                    return count;
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            // Named as the stock store names its unique indexes' maps, so that dropping the index removes it.
            String map = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            return new SecondaryIndex(getMvStore(), map, indexName, keys, sparse);
        }
    }

    private static final class KeyedCollection extends H2Collection {
        private final MVMap<Object, Document> data;

        KeyedCollection(MongoDatabase database, String name, CollectionOptions options, MVStore store,
                String namespace, CursorRegistry cursors) {
            super(database, name, options, store.openMap(DATA_MAP + namespace), store.openMap(META_MAP + namespace),
                    cursors);
            this.data = store.openMap(DATA_MAP + namespace); // the same map: a store opens a name once
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document projection) {
            FieldConditions conditions = FieldConditions.of(query);
            Iterable<Object> found = IndexPlanner.byUniqueIndex(getIndexes(), conditions);
            SecondaryIndex.Plan plan = found == null ? IndexPlanner.bestSecondary(getIndexes(), conditions) : null;
            if (found == null && plan == null) {
                QueryResult byId = inIdOrder(query, conditions.get(ID), orderBy, skip, limit, batchSize, projection);
                return byId != null ? byId : super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
            }
            Boolean descending = plan == null || limit <= 0 ? null : plan.index().direction(plan, orderBy);
            if (descending != null) {
                // A page of a sorted list (a queue, the due deadlines): read in index order and stop once it is full.
                Map<Object, Document> first = plan.index().firstInOrder(plan, descending, skip + limit, position -> {
                    Document document = getDocument(position);
                    return documentMatchesQuery(document, query) ? document : null;
                });
                List<Object> positions = inScanOrder(first.keySet());
                return matchDocumentsFromStream(positions.stream().map(first::get), query, orderBy, skip, limit,
                        batchSize, projection);
            }
            return matchDocuments(query, inScanOrder(found != null ? found : plan.positions()), orderBy, skip, limit,
                    batchSize, projection);
        }

        /**
         * The documents are kept in {@code _id} order, so a range of string ids ({@code {_id: {$gte: "WH20261201",
         * $lt: "WH20261208"}}}: a week of tickets) reads only that stretch, and a page sorted by {@code _id} (or
         * not sorted) stops once full. Null when neither applies. Other id types keep the stock scan: the file
         * orders ids of different types otherwise than a query compares them.
         */
        private QueryResult inIdOrder(Document query, FieldConditions.Condition id, Document orderBy, int skip,
                int limit, int batchSize, Document projection) {
            if (data.isEmpty() || !(data.firstKey() instanceof String) || !(data.lastKey() instanceof String)) {
                return null; // the file keeps ids grouped by type, so string first and last mean strings only
            }
            boolean range = id != null && id.isRange() && isStringOrOpen(id.lower()) && isStringOrOpen(id.upper());
            Object sortKey = orderBy == null || orderBy.isEmpty() ? null : orderBy.keySet().iterator().next();
            boolean descending = ID.equals(sortKey) && orderBy.get(ID) instanceof Number n && n.intValue() < 0;
            boolean pageInOrder = limit > 0 && (sortKey == null || ID.equals(sortKey));
            if (!range && !(pageInOrder && ID.equals(sortKey))) {
                return null;
            }
            Object from = range ? (descending ? id.upper() : id.lower()) : null;
            Object to = range ? (descending ? id.lower() : id.upper()) : null;
            int wanted = pageInOrder ? skip + limit : Integer.MAX_VALUE;
            List<Document> matched = new ArrayList<>();
            Cursor<Object, Document> cursor = data.cursor(from, to, descending);
            while (matched.size() < wanted && cursor.hasNext()) {
                cursor.next();
                Document document = cursor.getValue();
                if (documentMatchesQuery(document, query)) {
                    matched.add(document);
                }
            }
            if (descending) {
                java.util.Collections.reverse(matched); // the order a scan meets them, for the sort to break ties alike
            }
            return matchDocumentsFromStream(matched.stream(), query, orderBy, skip, limit, batchSize, projection);
        }

        private static boolean isStringOrOpen(Object bound) {
            return bound == null || bound instanceof String;
        }

        /**
         * Answers with a copy of the document, taken under the collection's lock as the update is. The stock store
         * answers with the stored document itself, which later updates change in place, and the answer is written to
         * the client only after the commit: two racing {@code $inc}s both answered with the later count.
         */
        @Override
        public synchronized Document findAndModify(Document query) {
            Document answer = super.findAndModify(query);
            if (answer.get("value") instanceof Document value) {
                answer.put("value", value.cloneDeeply());
            }
            return answer;
        }

        /** Under the collection's lock, as a find is: a count never meets a document between two of its writes. */
        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return super.count(query, skip, limit);
        }

        /** In the order a scan meets them, so that ties in a sort and an unsorted limit pick the same documents. */
        private List<Object> inScanOrder(Iterable<Object> found) {
            List<Object> positions = new ArrayList<>();
            found.forEach(positions::add);
            positions.sort(data.getKeyType()::compare);
            return positions;
        }
    }
}
