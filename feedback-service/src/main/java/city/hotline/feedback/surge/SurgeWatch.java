package city.hotline.feedback.surge;

import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * 突发预警 for one category in one district, and for each grid cell of it calls came from with a map point. Decides
 * what the calls mean: a surge detected (once), grown by a further call, or ended. A cell surge is reported only while
 * its district has none and is not cooling down; when the district's opens it takes over the cells' (they end, their
 * calls are in it). A surge ends when its window falls below end-ratio × the line it crossed; then its place waits
 * a cool-down before it can open another, and the ended surge's calls never count toward one.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
final class SurgeWatch {
  static final String DISTRICT = "DISTRICT";
  static final String CELL = "CELL";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Tally district = new Tally();
  private TreeMap<String, Tally> cells = new TreeMap<>();

  /** Whether the call is already counted (the same event delivered again): nothing changes then. */
  boolean counted(Call call) {
    return district.holds(call.ticketId());
  }

  /**
   * Counts a call of this category and district.
   *
   * @return the SurgeDetected, SurgeGrew and SurgeEnded it causes, in order
   */
  List<Object> onCall(Call call, Observation seen, SurgeSettings settings) {
    if (!district.record(call, settings)) {
      return List.of(); // already counted
    }
    Judgement judgement = new Judgement(call, district.newest(), seen, settings);
    judgement.follow(district, null, null);
    if (district.surge() != null) {
      cells.values().forEach(judgement::cover);
    }
    if (call.cell() != null) {
      Tally cell = cells.computeIfAbsent(call.cell(), id -> new Tally());
      cell.record(call, settings);
      if (district.surge() == null && !district.quiet(judgement.windowEnd)) {
        judgement.follow(cell, call.cell(), district.spentUntil());
      }
    }
    cells.values().forEach(cell -> cell.prune(judgement.windowEnd, settings));
    cells.values().removeIf(cell -> cell.idle(seen.now()));
    return judgement.events;
  }

  /**
   * Ends every surge whose window, ending now, has fallen below end-ratio × its line; nothing while the task has not
   * caught up.
   */
  List<Object> check(Observation seen, SurgeSettings settings) {
    List<Object> events = new ArrayList<>();
    if (!seen.caughtUp()) {
      return events;
    }
    Instant windowStart = seen.now().minus(settings.window());
    endIfFallen(district, windowStart, seen.now(), settings, events);
    cells.values().forEach(cell -> endIfFallen(cell, windowStart, seen.now(), settings, events));
    return events;
  }

  private void endIfFallen(Tally place, Instant windowStart, Instant now, SurgeSettings settings,
      List<Object> events) {
    OpenSurge open = place.surge();
    if (open != null && open.fallen(place.count(windowStart), settings.endRatio())) {
      place.end(now, settings);
      events.add(new SurgeEnded(open.surgeId(), now, open.peak(), open.tickets()));
      if (place == district) {
        // The cells it covered stay covered through its cool-down: the same burst is no new cell surge.
        cells.values().forEach(cell -> cell.coveredUntil(district.quietUntil(), district.spentUntil()));
      }
    }
  }

  /** One call judged in the window ending at the newest call, and what it causes. */
  private final class Judgement {
    private final Call call;
    private final Instant windowEnd;
    private final Instant windowStart;
    private final Observation seen;
    private final SurgeSettings settings;
    /** A call replayed long after (a first start reading the topic from its beginning) only adds to the baseline. */
    private final boolean current;
    private final List<Object> events = new ArrayList<>();

    Judgement(Call call, Instant windowEnd, Observation seen, SurgeSettings settings) {
      this.call = call;
      this.windowEnd = windowEnd;
      this.windowStart = windowEnd.minus(settings.window());
      this.seen = seen;
      this.settings = settings;
      this.current = windowEnd.isAfter(seen.now().minus(settings.window()));
    }

    /**
     * The call joins the place's open surge while its window holds enough calls; else a new one may start, unless
     * the place is cooling down from the last.
     *
     * @param spentElsewhere calls up to this time were in the district's ended surge (for a cell)
     */
    void follow(Tally place, String cell, Instant spentElsewhere) {
      if (!place.holds(call.ticketId())) {
        return; // older than the window: counted toward the baseline only
      }
      if (seen.caughtUp()) {
        endIfFallen(place, windowStart, seen.now(), settings, events);
      }
      long count = place.count(windowStart);
      OpenSurge open = place.surge();
      if (open != null) {
        OpenSurge grown = open.joined(place.withTicket(open.tickets(), call), count, settings.maxCalls());
        place.surge(grown);
        events.add(new SurgeGrew(open.surgeId(), windowStart, windowEnd, count, grown.tickets()));
        return;
      }
      double baseline = place.baseline(windowEnd, seen.observedSince(), settings);
      double threshold = settings.rule(call.category()).threshold(baseline);
      Instant spent = later(place.spentUntil(), spentElsewhere);
      if (current && !place.quiet(windowEnd) && place.fresh(windowStart, spent) >= threshold) {
        String surgeId = surgeId(call, cell);
        List<String> tickets = place.tickets(windowStart);
        place.surge(new OpenSurge(surgeId, threshold, count, tickets));
        events.add(new SurgeDetected(surgeId, cell == null ? DISTRICT : CELL, call.category(), call.district(), cell,
            windowStart, windowEnd, count, baseline, threshold, seen.now(), tickets));
      }
    }

    /** Ends the cell's open surge whatever its count: the district's surge covers it now. */
    void cover(Tally cell) {
      OpenSurge open = cell.surge();
      if (open != null) {
        cell.surge(null);
        events.add(new SurgeEnded(open.surgeId(), seen.now(), open.peak(), open.tickets()));
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /**
   * Follows from the place and the call that crossed the line, so the same surge gets the same id however often
   * its calls are processed: {@code SRG-GAS_SAFETY-HANNAN-20261207T2231-1a2b3c4d} (UTC), the cell's id after the
   * district for a cell surge.
   */
  static String surgeId(Call call, String cell) {
    String place = call.category() + "-" + call.district() + (cell == null ? "" : "-" + cell);
    String hash = String.format(Locale.ROOT, "%08x", (place + "|" + call.ticketId()).hashCode());
    return ("SRG-" + place + "-" + STAMP.format(call.at()) + "-" + hash).replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
