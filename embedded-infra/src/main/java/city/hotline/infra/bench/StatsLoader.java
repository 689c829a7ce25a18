package city.hotline.infra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * BENCHMARK ONLY: writes a year of synthetic statistics straight into feedback's read model — the
 * per-day roll-ups ({@code stats_g<n>_rollups}, one document per day with a counter set per cell
 * day × district × unit × category × urgency), their versions ({@code stats_g<n>_index}) and the unit
 * names — the shape {@code StatsRollup} writes and {@code StatsCube} reads. Nothing else of the
 * system knows these calls (no work orders, cases or ticket sets), so it is only for measuring the
 * dashboard's reads, on a throw-away system. Volumes: {@code --calls-per-year} spread over the days
 * (weekends 60 % of a weekday), districts and categories with uneven weights, urgency 3 / 12 / 85 %.
 */
final class StatsLoader {
  private static final String[] DISTRICTS = {"JIANGAN", "JIANGHAN", "QIAOKOU", "HANYANG", "WUCHANG", "QINGSHAN",
    "HONGSHAN", "DONGXIHU", "HANNAN", "CAIDIAN", "JIANGXIA", "HUANGPI", "XINZHOU", "EAST_LAKE_HIGH_TECH",
    "ECONOMIC_DEVELOPMENT_ZONE", "EAST_LAKE_SCENIC"};
  private static final double[] DISTRICT_WEIGHTS = {9, 8, 7, 6, 10, 5, 12, 5, 1.5, 3, 5, 4, 3.5, 8, 4, 1};
  private static final String[] CATEGORIES = {"STREET_VENDING", "ILLEGAL_CONSTRUCTION", "MUCK_TRANSPORT",
    "DUST_POLLUTION", "CONSTRUCTION_NOISE", "SANITATION", "SIGNS_AND_ADVERTISING", "STREET_LIGHTING", "MANHOLE_COVERS",
    "DAMAGED_ROADS", "DRAINAGE", "GREENERY", "GAS_SAFETY", "BRIDGES_TUNNELS", "SNOW_ICE", "OTHER"};
  private static final double[] CATEGORY_WEIGHTS = {14, 6, 5, 5, 10, 12, 4, 7, 3, 7, 6, 4, 3, 1.5, 0.5, 12};
  private static final String[] URGENCIES = {"EMERGENCY", "URGENT", "NORMAL"};
  private static final double[] URGENCY_WEIGHTS = {3, 12, 85};
  private static final int BUCKETS = 14;

  private final String mongo;
  private final String database;
  private final long callsPerYear;
  private final int days;
  private final long seed;
  private final ZoneId zone;

  StatsLoader(Map<String, String> o) {
    this.mongo = BenchMain.required(o, "mongo");
    this.database = o.getOrDefault("database", "feedback");
    this.callsPerYear = Long.parseLong(o.getOrDefault("calls-per-year", "10000000"));
    this.days = Integer.parseInt(o.getOrDefault("days", "365"));
    this.seed = Long.parseLong(o.getOrDefault("seed", "12345"));
    this.zone = ZoneId.of(o.getOrDefault("zone", "Asia/Shanghai"));
  }

  String run() {
    long started = System.nanoTime();
    Random random = new Random(seed);
    LocalDate today = LocalDate.now(zone);
    LocalDate first = today.minusDays(days);
    double weekdayCalls = callsPerYear / (days * (5 + 2 * 0.6) / 7.0);
    long calls = 0;
    long cells = 0;
    try (MongoClient client = MongoClients.create(mongo)) {
      MongoDatabase db = client.getDatabase(database);
      Document meta = db.getCollection("stats_meta").find(Filters.eq("_id", "generations")).first();
      int generation = meta == null ? 1 : meta.getInteger("read");
      String prefix = "stats_g" + generation + "_";
      MongoCollection<Document> rollups = db.getCollection(prefix + "rollups");
      MongoCollection<Document> index = db.getCollection(prefix + "index");
      MongoCollection<Document> units = db.getCollection(prefix + "units");
      for (String district : DISTRICTS) {
        units.updateOne(Filters.eq("_id", unit(district, "OTHER")), Updates.set("name", district + " 城管局"),
            new UpdateOptions().upsert(true));
      }
      for (String[] special : new String[][] {{"CITY_GAS_CENTRE", "市燃气事业发展中心"},
          {"CITY_ROADS_BRIDGES_TUNNELS_CENTRE", "市城市道路桥隧事务中心"}, {"CITY_PARKS_FORESTRY_BUREAU", "市园林和林业局"}}) {
        units.updateOne(Filters.eq("_id", special[0]), Updates.set("name", special[1]), new UpdateOptions().upsert(true));
      }
      List<Bson> versions = new ArrayList<>();
      for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double dayCalls = weekdayCalls * (weekend ? 0.6 : 1.0) * (0.9 + 0.2 * random.nextDouble());
        Document dayCells = new Document();
        for (int d = 0; d < DISTRICTS.length; d++) {
          for (int c = 0; c < CATEGORIES.length; c++) {
            for (int u = 0; u < URGENCIES.length; u++) {
              double expected = dayCalls * share(DISTRICT_WEIGHTS, d) * share(CATEGORY_WEIGHTS, c) * share(URGENCY_WEIGHTS, u);
              long received = poisson(random, expected);
              if (received == 0) {
                continue;
              }
              calls += received;
              String key = String.join("|", day.toString(), DISTRICTS[d], "", CATEGORIES[c], URGENCIES[u]);
              long direct = binomial(random, received, 0.08);
              long merged = binomial(random, received, 0.06);
              Document registered = new Document("received", received);
              if (direct > 0) {
                registered.append("closed_directly", direct).append("closed", direct);
              }
              if (merged > 0) {
                registered.append("merged", merged);
              }
              dayCells.append(key, registered);
              cells++;
              long dispatched = received - direct - merged;
              if (dispatched > 0) {
                dayCells.append(String.join("|", day.toString(), DISTRICTS[d], unit(DISTRICTS[d], CATEGORIES[c]),
                    CATEGORIES[c], URGENCIES[u]), handled(random, dispatched));
                cells++;
              }
            }
          }
        }
        String id = day.toString();
        rollups.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("cells", dayCells).append("v", 1L),
            new ReplaceOptions().upsert(true));
        versions.add(Updates.max("days." + id, 1L));
      }
      index.updateOne(Filters.eq("_id", "days"), Updates.combine(versions), new UpdateOptions().upsert(true));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(Locale.ROOT, "## Statistics loaded for 3 (benchmark-only loader)%n%n%d days (%s to %s), "
        + "%,d calls (%,.0f a day on average), %,d non-empty cells (%,.0f a day), written in %.0f s.%n",
        days, first, today.minusDays(1), calls, calls / (double) days, cells, cells / (double) days, seconds);
  }

  /** Counters of a unit's cell: what happened to the cases dispatched to it that day. */
  private static Document handled(Random random, long dispatched) {
    long claimed = binomial(random, dispatched, 0.97);
    long claimedOnTime = binomial(random, claimed, 0.94);
    long resolved = binomial(random, claimed, 0.95);
    long resolvedOnTime = binomial(random, resolved, 0.92);
    long closed = binomial(random, resolved, 0.93);
    long rated = binomial(random, closed, 0.9);
    long content = binomial(random, rated, 0.9);
    Document cell = new Document("dispatched", dispatched);
    put(cell, "claimed", claimed);
    put(cell, "claimed_on_time", claimedOnTime);
    put(cell, "resolved", resolved);
    put(cell, "resolved_on_time", resolvedOnTime);
    put(cell, "closed", closed);
    put(cell, "rated", rated);
    put(cell, "content", content);
    long answered = binomial(random, rated, 0.9); // answered the optional 问题是否解决
    put(cell, "solved_answered", answered);
    put(cell, "solved", binomial(random, answered, 0.85)); // 解决率 = solved / answered
    put(cell, "returned", binomial(random, dispatched, 0.06));
    put(cell, "overdue", binomial(random, dispatched, 0.08));
    put(cell, "reopened", binomial(random, resolved, 0.05));
    if (resolved > 0) {
      List<Long> buckets = new ArrayList<>();
      long left = resolved;
      long seconds = 0;
      for (int b = 0; b < BUCKETS; b++) {
        long n = b == BUCKETS - 1 ? left : binomial(random, left, 0.3);
        left -= n;
        buckets.add(n);
        seconds += n * (b + 1) * 3600L * 6;
      }
      cell.append("hn", resolved).append("hs", seconds).append("hb", buckets);
    }
    return cell;
  }

  private static void put(Document cell, String field, long n) {
    if (n > 0) {
      cell.append(field, n);
    }
  }

  private static String unit(String district, String category) {
    return switch (category) {
      case "GAS_SAFETY" -> "CITY_GAS_CENTRE";
      case "BRIDGES_TUNNELS" -> "CITY_ROADS_BRIDGES_TUNNELS_CENTRE";
      case "GREENERY" -> "CITY_PARKS_FORESTRY_BUREAU";
      default -> district + "_CGJ";
    };
  }

  private static double share(double[] weights, int i) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    return weights[i] / sum;
  }

  private static long poisson(Random random, double mean) {
    if (mean > 30) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  private static long binomial(Random random, long n, double p) {
    if (n > 50) {
      double mean = n * p;
      return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian())));
    }
    long k = 0;
    for (long i = 0; i < n; i++) {
      if (random.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }
}
