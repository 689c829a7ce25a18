package city.hotline.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every combination of values for fields taken in order (an index's keys under {@code $in}s or arrays). */
final class Combinations {
    private Combinations() {
    }

    /** The one empty combination, to extend field by field. */
    static List<List<Object>> start() {
        return List.of(List.of());
    }

    /** Each combination followed by each of the next field's values. */
    static List<List<Object>> extend(List<List<Object>> combinations, Collection<?> values) {
        List<List<Object>> longer = new ArrayList<>(combinations.size() * values.size());
        for (List<Object> combination : combinations) {
            for (Object value : values) {
                List<Object> next = new ArrayList<>(combination);
                next.add(value);
                longer.add(next);
            }
        }
        return longer;
    }
}
