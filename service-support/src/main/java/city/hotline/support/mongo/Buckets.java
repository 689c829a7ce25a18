package city.hotline.support.mongo;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads the entries of one logical document (a bureau's queue, a minute's deadlines) over a fixed
 * number of bucket documents, so that a change rewrites one small bucket instead of one document that
 * grows with the load: the embedded store sizes and copies a whole document on every update, and a
 * real MongoDB rewrites it too.
 */
public final class Buckets {
  private Buckets() {}

  /** The id, {@code prefix|b} with {@code 0 ≤ b < count}, of the bucket that always holds this key's entry. */
  public static String id(String prefix, String key, int count) {
    return prefix + "|" + Math.floorMod(spread(key.hashCode()), count);
  }

  /** The ids of every bucket of one logical document. */
  public static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(b -> prefix + "|" + b).toList();
  }

  /** Murmur3's finaliser: consecutive ticket numbers hash to neighbouring values, which would share buckets. */
  private static int spread(int hash) {
    int h = hash ^ (hash >>> 16);
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
