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
 * summary ({@link Summary#solvedOf}, {@link Summary#satisfactionOf}), each with its numerator and denominator; the score is 100 × their
 * weighted mean. Only a group with at least the minimum volume dispatched and a score is ranked: the others are shown
 * after the ranked ones without a rank, so a unit with three cases is neither top nor bottom of the city. 红黑榜: the
 * first and the last ranked, the black list worst first; when fewer are ranked than both lists hold, none is on both.
 */
final class ThreeRates {
  static final String SCHEME = "three-rates";

  private static final Comparator<Item> ORDER = Comparator.comparing(Item::ranked, Comparator.reverseOrder())
      .thenComparing(Item::score, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Item::dispatched, Comparator.reverseOrder())
      .thenComparing(Item::code);

  /** @param rank 1, 2, … among the ranked; null for a group that is not ranked */
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
      Item placed = item.ranked() ? withRank(item, ranked.size() + 1) : item;
      items.add(placed);
      if (placed.ranked()) {
        ranked.add(placed);
      }
    }
    int size = settings.honourRollSize();
    List<Item> red = ranked.subList(0, Math.min(size, ranked.size()));
    List<Item> black = new ArrayList<>(ranked.subList(Math.max(red.size(), ranked.size() - size), ranked.size()));
    Collections.reverse(black);
    return new Ranking(from, to, by, SCHEME, settings.weights().asMap(), settings.minimumVolume(), items,
        List.copyOf(red), black);
  }

  private Item item(String code, String name, Totals t) {
    long dispatched = t.get(Metric.DISPATCHED);
    Rate response = Rate.of(t.get(Metric.CLAIMED_ON_TIME), dispatched); // 响应率
    Rate solved = Summary.solvedOf(t); // 解决率, as in the summary
    Rate satisfaction = Summary.satisfactionOf(t); // 满意率, as in the summary
    Double score = settings.weights().score(response, solved, satisfaction);
    boolean ranked = dispatched >= settings.minimumVolume() && score != null;
    return new Item(null, code, name, dispatched, response, solved, satisfaction, score, ranked);
  }

  private static Item withRank(Item item, int rank) {
    return new Item(rank, item.code(), item.name(), item.dispatched(), item.responseRate(), item.solvedRate(),
        item.satisfactionRate(), item.score(), true);
  }
}
