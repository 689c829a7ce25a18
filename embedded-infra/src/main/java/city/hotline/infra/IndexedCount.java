package city.hotline.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * {@code countDocuments} answered through an index. The driver sends it as an aggregation,
 * {@code [{$match: filter}, {$skip: n}?, {$limit: n}?, {$group: {_id: 1, n: {$sum: 1}}}]}, and the stock
 * server runs every aggregation over every document of the collection; this reads the matching documents
 * the way a find does (through the best index) and answers as the {@code $group} would: one document
 * {@code {_id: 1, n: count}}, or none when nothing matched.
 */
final class IndexedCount {
    private static final String GROUP_ID = "_id";
    private static final String COUNT = "n";

    private IndexedCount() {
    }

    /** The answer to an {@code aggregate} command if it is a count, else null (the stock server answers it). */
    static Document answer(Document command, MongoCollection<Object> collection, String namespace) {
        if (collection == null || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2
                || !(pipeline.get(0) instanceof Document first) || !(first.get("$match") instanceof Document filter)
                || first.size() != 1 || !isCountGroup(pipeline.get(pipeline.size() - 1))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (!(stage instanceof Document step) || step.size() != 1) {
                return null;
            } else if (step.get("$skip") instanceof Number n) {
                skip = n.intValue();
            } else if (step.get("$limit") instanceof Number n && limit == 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        int count = collection.count(filter, skip, limit);
        List<Document> batch = count == 0 ? List.of() : List.of(new Document(GROUP_ID, 1).append(COUNT, count));
        Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return response;
    }

    private static boolean isCountGroup(Object stage) {
        return stage instanceof Document step && step.size() == 1 && step.get("$group") instanceof Document group
                && group.size() == 2 && Integer.valueOf(1).equals(group.get(GROUP_ID))
                && group.get(COUNT) instanceof Document sum && sum.size() == 1
                && Integer.valueOf(1).equals(sum.get("$sum"));
    }
}
