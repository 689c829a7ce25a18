package city.hotline.feedback.governance;

import city.hotline.feedback.stats.CoveredFigures.Figures;
import city.hotline.feedback.stats.Summary.Rate;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A topic's calls week by week (ISO weeks, Monday to Sunday) from some weeks before its period to some weeks after
 * it, never past today: whether what the topic did shows in the calls. A week the period starts or ends in is
 * DURING it.
 */
final class TopicWeeks {
  enum Phase { BEFORE, DURING, AFTER }

  /**
   * @param week its Monday
   * @param to its Sunday, or today for the week under way
   */
  record Week(LocalDate week, LocalDate from, LocalDate to, Phase phase, long received, long resolved,
      Rate closureRate, Rate satisfactionRate) {}

  private TopicWeeks() {}

  /** @param figures the topic's calls' figures over a period, both days included */
  static List<Week> of(Topic topic, LocalDate today, TopicSettings settings,
      BiFunction<LocalDate, LocalDate, Figures> figures) {
    LocalDate first = monday(topic.from()).minusWeeks(settings.beforeWeeks());
    LocalDate last = monday(topic.to()).plusWeeks(settings.afterWeeks());
    List<Week> weeks = new ArrayList<>();
    for (LocalDate monday = first; !monday.isAfter(last) && !monday.isAfter(today); monday = monday.plusWeeks(1)) {
      LocalDate sunday = monday.plusDays(6);
      LocalDate end = sunday.isAfter(today) ? today : sunday;
      Figures f = figures.apply(monday, end);
      weeks.add(new Week(monday, monday, end, phase(topic, monday, sunday), f.received(), f.resolved(),
          f.closureRate(), f.satisfactionRate()));
    }
    return weeks;
  }

  private static Phase phase(Topic topic, LocalDate monday, LocalDate sunday) {
    if (sunday.isBefore(topic.from())) {
      return Phase.BEFORE;
    }
    return monday.isAfter(topic.to()) ? Phase.AFTER : Phase.DURING;
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
