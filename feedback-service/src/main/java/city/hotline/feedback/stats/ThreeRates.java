package city.hotline.feedback.stats;

import city.hotline.feedback.stats.Summary.Rate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 三率 scorecard (scheme=three-rates, SPEC §8.5): 响应率 = claimed on time / dispatched, 解决率 and 满意率 as in the
 * summary ({@link Summary#solvedOf}, {@link Summary#satisfactionOf}), each with its numerator and denominator; the
 * score is 100 × their weighted mean, given only when each of the three has something to rate, so a score is never
 * made of one rate.
 *
 * <p>Ranked: a group with at least the minimum volume dispatched and a score (every rate's denominator above zero);
 * the others are listed after the ranked ones without a rank, so a unit with three cases, or with no rating yet, is
 * neither top nor bottom of the city.
 *
 * <p>Ties: scores are compared as shown, rounded to 0.1, so floating-point noise never decides a place; equal shown
 * scores share a rank and the next rank skips (competition ranking: 1, 1, 3). Among equals the one with more cases
 * dispatched, then the lower code, is listed first: the order of listing only, never the rank.
 *
 * <p>红黑榜, with N ranked and lists of size S: the 红榜 is the first min(S, N) ranked in listing order; the 黑榜 the
 * last min(S, N − min(S, N)) ranked, worst first. The two never overlap: with N ≤ S every ranked group is on the
 * 红榜 and the 黑榜 is empty; a tie across a list's edge is split by the order of listing.
 */
final class ThreeRates {
  static final String SCHEME = "three-rates";

  private static final Comparator<Item> ORDER = Comparator.comparing(Item::ranked, Comparator.reverseOrder())
      .thenComparing(ThreeRates::shownScore, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Item::dispatched, Comparator.reverseOrder())
      .thenComparing(Item::code);

  /** @param rank 1, 2, … among the ranked (equal shown scores share one); null for a group that is not ranked */
  record Item(Integer rank, String code, String name, long dispatched, Rate responseRate, Rate solvedRate,
      Rate satisfactionRate, Double score, boolean ranked) {}

  record Ranking(LocalDate from, LocalDate to, String by, String scheme, Map<String, Double> weights,
      int minimumVolume, List<Item> items, List<Item> red, List<Item> black) {}

  private final ThreeRatesSettings settings;

  ThreeRates(ThreeRatesSettings settings) {
    this.settings = settings;
  }

  /** @param groups each district's or unit's totals, by code */
  Ranking rank(LocalDate from, LocalDate to, String by, Map<String, Totals> groups, Function<String, String> names) {
    List<Item> scored = new ArrayList<>();
    groups.forEach((code, totals) -> scored.add(item(code, names.apply(code), totals)));
    scored.sort(ORDER);
    List<Item> items = new ArrayList<>();
    List<Item> ranked = new ArrayList<>();
    for (Item item : scored) {
      if (!item.ranked()) {
        items.add(item);
        continue;
      }
      Item previous = ranked.isEmpty() ? null : ranked.get(ranked.size() - 1);
      boolean tied = previous != null && shownScore(previous).equals(shownScore(item));
      Item placed = withRank(item, tied ? previous.rank() : ranked.size() + 1);
      items.add(placed);
      ranked.add(placed);
    }
    int size = settings.honourRollSize();
    List<Item> red = ranked.subList(0, Math.min(size, ranked.size()));
    List<Item> black = new ArrayList<>(ranked.subList(ranked.size() - Math.min(size, ranked.size() - red.size()),
        ranked.size()));
    Collections.reverse(black);
    return new Ranking(from, to, by, SCHEME, settings.weights().asMap(), settings.minimumVolume(), items,
        List.copyOf(red), black);
  }

  /** The score as shown, in tenths (73.0 → 730), or null: what ranks compare. */
  private static Long shownScore(Item item) {
    return item.score() == null ? null : Math.round(item.score() * 10);
  }

  private Item item(String code, String name, Totals t) {
    long dispatched = t.get(Metric.DISPATCHED);
    Rate response = Rate.of(t.get(Metric.CLAIMED_ON_TIME), dispatched); // 响应率
    Rate solved = Summary.solvedOf(t); // 解决率, as in the summary
    Rate satisfaction = Summary.satisfactionOf(t); // 满意率, as in the summary
    boolean allRated = response.denominator() > 0 && solved.denominator() > 0 && satisfaction.denominator() > 0;
    Double score = allRated ? settings.weights().score(response, solved, satisfaction) : null;
    boolean ranked = dispatched >= settings.minimumVolume() && score != null;
    return new Item(null, code, name, dispatched, response, solved, satisfaction, score, ranked);
  }

  private static Item withRank(Item item, int rank) {
    return new Item(rank, item.code(), item.name(), item.dispatched(), item.responseRate(), item.solvedRate(),
        item.satisfactionRate(), item.score(), true);
  }
}
