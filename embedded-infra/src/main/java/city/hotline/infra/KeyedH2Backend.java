package city.hotline.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 store, taught two things MongoDB does.
 *
 * <p>A write is answered only once it is in the store's file ({@link GroupCommit}); the stock server
 * answered before H2 had written it, so a killed store lost up to a second of acknowledged writes.
 *
 * <p>A query naming one document by {@code _id}
 * beside other conditions ({@code {_id: X, state: {$in: …}}} or {@code {$and: [{_id: X}, …]}}, nested or not) reads that
 * document through the {@code _id} index and checks the rest on it. The stock server uses an index only
 * for a query on exactly the index's keys, so every guarded single-document update — the services' state
 * machines all write that way — scanned the whole collection, and each write got slower as the data grew
 * (docs/benchmarks.md). The answer is the same either way; only the documents looked at differ.
 */
final class KeyedH2Backend extends H2Backend {
    /** Where mongo-java-server's H2 backend keeps a collection's documents and its metadata. */
    private static final String DATA_MAP = "databases.";
    private static final String META_MAP = "meta.";

    /** The commands that change data; every other command only reads and is answered at once. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final GroupCommit commits;

    KeyedH2Backend(String file) {
        this(file, false);
    }

    KeyedH2Backend(String file, boolean fsync) {
        super(file);
        this.commits = new GroupCommit(getMvStore(), fsync);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Also after a failure: an ordered insert that stopped at a duplicate kept what it inserted.
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commits.awaitDurable();
            }
        }
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
    }

    private static final class KeyedCollection extends H2Collection {

        KeyedCollection(MongoDatabase database, String name, CollectionOptions options, MVStore store,
                String namespace, CursorRegistry cursors) {
            super(database, name, options, store.openMap(DATA_MAP + namespace), store.openMap(META_MAP + namespace),
                    cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document projection) {
            Object id = idOf(query);
            if (id != null && getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
                Document byId = new Document("_id", id);
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize,
                                projection);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
    }

    /**
     * The {@code _id} a query requires by plain equality, at its top level or in an {@code $and}, however
     * deeply nested (the Java driver renders {@code and(and(a, b), c)} nested); else null.
     */
    static Object idOf(Document query) {
        Object id = plainValue(query.get("_id"));
        if (id != null || !(query.get("$and") instanceof List<?> clauses)) {
            return id;
        }
        for (Object clause : clauses) {
            if (clause instanceof Document condition && (id = idOf(condition)) != null) {
                return id;
            }
        }
        return null;
    }

    /** An operator ({@code {$in: …}}) or a document-valued id is left to the stock planner. */
    private static Object plainValue(Object value) {
        return value instanceof Document || value instanceof List<?> ? null : value;
    }
}
