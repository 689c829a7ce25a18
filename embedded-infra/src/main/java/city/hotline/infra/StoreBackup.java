package city.hotline.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * {@code ./hotline backup DIR} and {@code ./hotline restore DIR}: a copy of every embedded store, taken over
 * the wire while the system runs, and put back while it is stopped.
 *
 * <p>Layout: {@code DIR/<store>/<database>/<collection>.bson} (the documents, as mongodump writes them) and
 * {@code <collection>.indexes.bson} (the index definitions). Each document is copied whole; the copy is not
 * one instant of the store, but the consumers' positions ({@code consumer_positions}) are copied first, so
 * everything the copy holds is at least as new as the positions say. After a restore each service replays
 * its topics from there and catches up by itself (SPEC §8.1).
 */
final class StoreBackup {
    static final List<String> STORES = List.of("intake", "dispatch", "feedback", "gateway");
    /** Copied before everything else: see the class comment. */
    static final String POSITIONS = "consumer_positions";
    private static final String DOCUMENTS = ".bson";
    private static final String INDEXES = ".indexes.bson";
    private static final List<String> SYSTEM_DATABASES = List.of("admin", "local", "config");
    private static final int BATCH = 500;
    private static final String PARTIAL = ".partial";
    private static final String LOADING = ".restoring";
    /** What an index definition says about itself rather than about the index; createIndexes refuses them. */
    private static final List<String> INDEX_BOOKKEEPING = List.of("v", "ns");

    private final Settings settings;

    StoreBackup(Settings settings) {
        this.settings = settings;
    }

    /**
     * Copies every store into {@code dir}, which must not exist yet or be empty. The copy is written beside it
     * and renamed to {@code dir} only once it is whole, so a backup that failed halfway is never restored.
     */
    void backup(Path dir) throws IOException {
        requireEmpty(dir);
        Path partial = dir.resolveSibling(dir.getFileName() + PARTIAL);
        deleteRecursively(partial); // what an earlier failed backup left
        for (String store : STORES) {
            Files.createDirectories(partial.resolve(store)); // an empty store is backed up as an empty folder
            try (MongoClient client = MongoClients.create(uriOf(store))) {
                for (String name : client.listDatabaseNames()) {
                    if (!SYSTEM_DATABASES.contains(name)) {
                        dump(client.getDatabase(name), partial.resolve(store).resolve(name));
                    }
                }
            }
        }
        Files.deleteIfExists(dir);
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Replaces every store's file by the copy in {@code dir}; the old files are kept beside them with
     * {@code suffix}. Every copy is loaded into a new file first and the files are swapped only when all four
     * loaded, so a restore that fails leaves the stores as they were.
     */
    void restore(Path dir, String suffix) throws IOException {
        for (String store : STORES) {
            if (!Files.isDirectory(dir.resolve(store))) {
                throw new IOException(dir + " holds no copy of the " + store + " store: not a backup");
            }
        }
        for (String store : STORES) {
            Path loading = loadingFile(store);
            Files.createDirectories(loading.getParent());
            Files.deleteIfExists(loading);
            load(dir.resolve(store), loading);
        }
        for (String store : STORES) {
            Path file = settings.layout().mongoStore(store);
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling(file.getFileName() + suffix));
            }
            Files.move(loadingFile(store), file, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Path loadingFile(String store) {
        Path file = settings.layout().mongoStore(store);
        return file.resolveSibling(file.getFileName() + LOADING);
    }

    private static void dump(MongoDatabase database, Path target) throws IOException {
        Files.createDirectories(target);
        List<String> names = new ArrayList<>();
        database.listCollectionNames().forEach(names::add);
        names.sort((a, b) -> Boolean.compare(!a.equals(POSITIONS), !b.equals(POSITIONS)));
        for (String name : names) {
            MongoCollection<RawBsonDocument> collection = database.getCollection(name, RawBsonDocument.class);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.resolve(name + DOCUMENTS)))) {
                for (RawBsonDocument document : collection.find()) {
                    write(out, document);
                }
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.resolve(name + INDEXES)))) {
                for (RawBsonDocument index : collection.listIndexes(RawBsonDocument.class)) {
                    write(out, index);
                }
            }
        }
    }

    /** Writes a copy into a fresh store file through a Mongo wire server of its own on a free loopback port. */
    private static void load(Path copy, Path file) throws IOException {
        MongoServer server = new MongoServer(new KeyedH2Backend(file.toString(), true));
        server.bind(new InetSocketAddress(Settings.BIND_HOST, 0));
        try (MongoClient client = MongoClients.create("mongodb://" + Settings.BIND_HOST + ":"
                + server.getLocalAddress().getPort());
                Stream<Path> databases = Files.list(copy)) {
            for (Path databaseDir : databases.sorted().toList()) {
                MongoDatabase database = client.getDatabase(databaseDir.getFileName().toString());
                for (Path documents : collections(databaseDir)) {
                    String name = documents.getFileName().toString();
                    name = name.substring(0, name.length() - DOCUMENTS.length());
                    MongoCollection<Document> collection = database.getCollection(name);
                    database.createCollection(name);
                    loadIndexes(database, name, documents.resolveSibling(name + INDEXES));
                    List<Document> batch = new ArrayList<>();
                    read(documents, document -> {
                        batch.add(document);
                        if (batch.size() == BATCH) {
                            collection.insertMany(batch);
                            batch.clear();
                        }
                    });
                    if (!batch.isEmpty()) {
                        collection.insertMany(batch);
                    }
                }
            }
        } finally {
            server.shutdown(); // closes the store: everything is in its file
        }
    }

    private static List<Path> collections(Path databaseDir) throws IOException {
        try (Stream<Path> files = Files.list(databaseDir)) {
            return files.filter(f -> f.toString().endsWith(DOCUMENTS) && !f.toString().endsWith(INDEXES)).sorted().toList();
        }
    }

    /** Each index as it was defined, every option with it (unique, sparse, expireAfterSeconds, …). */
    private static void loadIndexes(MongoDatabase database, String collection, Path indexes) throws IOException {
        if (!Files.exists(indexes)) {
            return;
        }
        List<Document> specs = new ArrayList<>();
        read(indexes, index -> {
            if (!"_id_".equals(index.getString("name"))) {
                INDEX_BOOKKEEPING.forEach(index::remove);
                specs.add(index);
            }
        });
        if (!specs.isEmpty()) {
            database.runCommand(new Document("createIndexes", collection).append("indexes", specs));
        }
    }

    private static void write(OutputStream out, RawBsonDocument document) throws IOException {
        java.nio.ByteBuffer bytes = document.getByteBuffer().asNIO();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        out.write(copy);
    }

    /** The documents of one file, one after another: each BSON document starts with its own length. */
    private static void read(Path file, Consumer<Document> each) throws IOException {
        DocumentCodec codec = new DocumentCodec();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return; // the end, between two documents
                }
                byte[] lengthBytes = new byte[4];
                lengthBytes[0] = (byte) first;
                readOrFail(in, lengthBytes, 1, file);
                int length = (lengthBytes[0] & 0xff) | (lengthBytes[1] & 0xff) << 8 | (lengthBytes[2] & 0xff) << 16
                        | (lengthBytes[3] & 0xff) << 24;
                byte[] bytes = new byte[length];
                System.arraycopy(lengthBytes, 0, bytes, 0, 4);
                readOrFail(in, bytes, 4, file);
                each.accept(new RawBsonDocument(bytes).decode(codec));
            }
        }
    }

    private static void readOrFail(DataInputStream in, byte[] into, int from, Path file) throws IOException {
        try {
            in.readFully(into, from, into.length - from);
        } catch (EOFException cut) {
            throw new IOException(file + " ends inside a document: the backup is damaged", cut);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty: a backup goes into a new folder");
                }
            }
        }
        Files.createDirectories(dir.getParent());
    }

    private String uriOf(String store) {
        return Map.of("intake", settings.intakeMongoUri(), "dispatch", settings.dispatchMongoUri(),
                "feedback", settings.feedbackMongoUri(), "gateway", settings.gatewayMongoUri()).get(store);
    }
}
