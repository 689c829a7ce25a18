package city.hotline.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An ordinary (non-unique) index, single-field or compound, which the stock server accepts and ignores.
 * Its entries, one per document and combination of key values (an array field contributes one entry per
 * element, as MongoDB's multikey indexes do), are kept in the store's file in a map of their own, ordered
 * as queries compare values, and change with the documents under the same commit ({@link GroupCommit}),
 * so a killed store comes back with an index that agrees with its data and nothing to rebuild.
 *
 * <p>It answers with a superset of the documents a query can match — equality or {@code $in} on a prefix
 * of its fields, then optionally a range on the next one ({@link #plan}) — and the collection matches and
 * sorts those exactly as it would after a full scan.
 */
final class SecondaryIndex extends Index<Object> {
    /** Beyond this many combinations of {@code $in} values a prefix stops narrowing the scan (a shorter one is used). */
    private static final int MAX_PROBES = 1_000;
    private static final String ID = "_id";

    /** Sorts below or above every value: the open ends of a range. */
    /**
     * Sorts below or above every value: the open ends of a range. {@code ABOVE_NULL} sorts just above null: a
     * range never matches a missing or null value (types compare only with their own kind), so the open end
     * of {@code {dueAt: {$lte: now}}} starts after the entries of every case without a due time.
     */
    private enum Edge { LOW, ABOVE_NULL, HIGH }

    /** One index entry: the document's values of the index's fields, and the document's position. */
    record Entry(Object[] values, Object position) {}

    private static final Comparator<Object> VALUES = SecondaryIndex::compareValue;
    static final Comparator<Entry> ORDER = (a, b) -> {
        for (int i = 0; i < a.values.length; i++) {
            int c = VALUES.compare(a.values[i], b.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return VALUES.compare(a.position, b.position);
    };

    private static final String MULTIKEY = "multikey";
    /** Beyond this many {@code $in} prefixes a sorted page reads every candidate instead of merging them in order. */
    private static final int MAX_MERGED = 64;

    private final MVMap<Entry, Boolean> entries;
    /** Per key, whether some document held an array there; then a range may use only one of its bounds. */
    private final MVMap<String, boolean[]> flags;
    private final boolean[] multikey;

    /** Opens the index kept in this store under this name, or a new, empty one. */
    SecondaryIndex(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = store.openMap(mapName, new MVMap.Builder<Entry, Boolean>().keyType(new IndexEntryType()));
        this.flags = store.openMap(mapName + "." + MULTIKEY);
        boolean[] known = flags.get(MULTIKEY);
        this.multikey = known != null && known.length == keys.size() ? known.clone() : new boolean[keys.size()];
    }

    /** How well this index serves a query: the fields it narrows by, or empty if it cannot help. */
    record Plan(SecondaryIndex index, int equalities, boolean range, List<List<Object>> prefixes, Object lower,
            Object upper) {
        int score() {
            return 2 * equalities + (range ? 1 : 0);
        }

        Iterable<Object> positions() {
            return index.positions(this);
        }
    }

    Plan plan(FieldConditions conditions) {
        List<List<Object>> prefixes = Combinations.start();
        int equalities = 0;
        for (String key : keys()) {
            FieldConditions.Condition condition = conditions.get(key);
            if (condition == null || !condition.isEquality()
                    || (long) prefixes.size() * condition.values().size() > MAX_PROBES) {
                break;
            }
            prefixes = Combinations.extend(prefixes, condition.values());
            equalities++;
        }
        FieldConditions.Condition next = equalities < keys().size() ? conditions.get(keys().get(equalities)) : null;
        boolean range = next != null && next.isRange();
        if (equalities == 0 && !range) {
            return null;
        }
        Object lower = range ? next.lower() : null;
        Object upper = range ? next.upper() : null;
        if (range && multikey[equalities] && lower != null && upper != null) {
            // {f: {$gt: 5, $lt: 10}} matches [1, 20]: each bound by another element, none of them in between.
            upper = null;
        }
        return new Plan(this, equalities, range, prefixes, lower, upper);
    }

    private Iterable<Object> positions(Plan plan) {
        Set<Object> positions = new LinkedHashSet<>();
        for (List<Object> prefix : plan.prefixes()) {
            span(plan, prefix, false).forEachRemaining(entry -> positions.add(entry.position));
        }
        return positions;
    }

    /** The entries under one prefix, within the plan's range on the next field if it has one. */
    private Iterator<Entry> span(Plan plan, List<Object> prefix, boolean descending) {
        int width = keys().size();
        Object openLower = plan.range() ? Edge.ABOVE_NULL : Edge.LOW;
        Entry from = new Entry(bound(prefix, plan.lower() == null ? openLower : plan.lower(), Edge.LOW, width), Edge.LOW);
        Entry to = new Entry(bound(prefix, plan.upper() == null ? Edge.HIGH : plan.upper(), Edge.HIGH, width), Edge.HIGH);
        return descending ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    /**
     * Whether this plan meets documents in the order a sort asks for: the sort's first field is the one
     * right after the fixed prefix (several prefixes, from {@code $in}, are merged in that order), and no
     * document holds an array there (an array sorts by its smallest or largest element, not by an entry).
     * Then null if not, else whether it is descending.
     */
    Boolean direction(Plan plan, Document orderBy) {
        int next = plan.equalities();
        if (orderBy == null || orderBy.isEmpty() || next >= keys().size() || plan.prefixes().size() > MAX_MERGED
                || multikey[next] || !keys().get(next).equals(orderBy.keySet().iterator().next())
                || !(orderBy.values().iterator().next() instanceof Number direction)) {
            return null;
        }
        return direction.intValue() < 0;
    }

    /**
     * The first {@code wanted} documents in the sort's order that {@code matching} accepts (it returns the
     * document, or null), plus every later one that ties with the last on the sort field: the caller sorts
     * these few as it would sort them all, so ties fall as they would after a full read.
     */
    Map<Object, Document> firstInOrder(Plan plan, boolean descending, int wanted, Function<Object, Document> matching) {
        int field = plan.equalities();
        Iterator<Entry> span = merged(plan, descending);
        Map<Object, Document> found = new LinkedHashMap<>();
        Object last = null;
        while (span.hasNext()) {
            Entry entry = span.next();
            if (found.size() >= wanted && compareValue(entry.values[field], last) != 0) {
                break;
            }
            if (!found.containsKey(entry.position)) {
                Document document = matching.apply(entry.position);
                if (document != null) {
                    found.put(entry.position, document);
                    last = entry.values[field];
                }
            }
        }
        return found;
    }

    /** The entries of every prefix of the plan, in the order of the field after the prefix. */
    private Iterator<Entry> merged(Plan plan, boolean descending) {
        int field = plan.equalities();
        Comparator<Entry> byField = (a, b) -> compareValue(a.values[field], b.values[field]);
        PriorityQueue<Head> heads = new PriorityQueue<>(
                Comparator.comparing(Head::entry, descending ? byField.reversed() : byField));
        for (List<Object> prefix : plan.prefixes()) {
            Head.next(span(plan, prefix, descending)).ifPresent(heads::add);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Entry next() {
                Head head = heads.remove();
                Head.next(head.rest()).ifPresent(heads::add);
                return head.entry();
            }
        };
    }

    /** The first entry of one prefix's span, and the rest of it. */
    private record Head(Entry entry, Iterator<Entry> rest) {
        static Optional<Head> next(Iterator<Entry> span) {
            return span.hasNext() ? Optional.of(new Head(span.next(), span)) : Optional.empty();
        }
    }

    private static Object[] bound(List<Object> prefix, Object next, Edge rest, int width) {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            values[i] = i < prefix.size() ? prefix.get(i) : i == prefix.size() ? next : rest;
        }
        return values;
    }

    private List<Entry> entriesOf(Document document, Object position) {
        List<List<Object>> combinations = Combinations.start();
        List<String> keys = keys();
        for (int i = 0; i < keys.size(); i++) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, keys.get(i));
            List<Object> values = new ArrayList<>();
            if (value instanceof Collection<?> elements) {
                markMultikey(i);
                addElements(elements, values);
                if (values.isEmpty()) {
                    values.add(null); // MongoDB indexes an empty array too, so a query on the other fields finds it
                }
            } else {
                values.add(FieldConditions.normalize(value));
            }
            combinations = Combinations.extend(combinations, values);
        }
        return combinations.stream().map(values -> new Entry(values.toArray(), position)).toList();
    }

    /**
     * An array's elements; an element that is an array itself ({@code a.b} over {@code a: [{b: [1, 2]}]})
     * is listed whole and by its elements, so a query on either finds the document (a superset of entries
     * only ever means more candidates).
     */
    private static void addElements(Collection<?> elements, List<Object> values) {
        for (Object element : new LinkedHashSet<>(elements)) {
            values.add(FieldConditions.normalize(element));
            if (element instanceof Collection<?> inner) {
                addElements(inner, values);
            }
        }
    }

    private void markMultikey(int key) {
        if (!multikey[key]) {
            multikey[key] = true;
            flags.put(MULTIKEY, multikey.clone());
        }
    }

    private static int compareValue(Object a, Object b) {
        if (a instanceof Edge edgeA) {
            return b instanceof Edge edgeB ? edgeA.compareTo(edgeB) : edgeAgainst(edgeA, b);
        }
        if (b instanceof Edge edgeB) {
            return -edgeAgainst(edgeB, a);
        }
        return ValueComparator.asc().compare(a, b);
    }

    private static int edgeAgainst(Edge edge, Object value) {
        return switch (edge) {
            case LOW -> -1;
            case HIGH -> 1;
            case ABOVE_NULL -> value == null ? 1 : -1;
        };
    }

    private static Object positionOf(Document document) {
        return Utils.getSubdocumentValue(document, ID);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // the _id index knows it; a secondary index may list a document under many keys
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entriesOf(document, position).forEach(entry -> entries.put(entry, Boolean.TRUE));
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        entriesOf(document, position).forEach(entries::remove);
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return plan(FieldConditions.of(query)) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return positions(plan(FieldConditions.of(query)));
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        List<Entry> before = entriesOf(oldDocument, position);
        List<Entry> after = entriesOf(newDocument, position);
        if (!sameKeys(before, after)) {
            before.forEach(entries::remove);
            after.forEach(entry -> entries.put(entry, Boolean.TRUE));
        }
    }

    /** Most updates leave the indexed fields alone; then the entries stay as they are. */
    private static boolean sameKeys(List<Entry> before, List<Entry> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (ORDER.compare(before.get(i), after.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void drop() {
        // The store's database removes the map of entries itself (it names index maps as this one is named).
        entries.clear();
        flags.clear();
    }
}
