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
 * its district has none; when the district's opens it takes over the cells' (they end, their calls are in it).
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

  /**
   * Counts a call of this category and district.
   *
   * @return the SurgeDetected, SurgeGrew and SurgeEnded it causes, in order
   */
  List<Object> onCall(Call call, Instant now, SurgeSettings settings) {
    if (!district.record(call, settings)) {
      return List.of(); // already counted
    }
    Judgement judgement = new Judgement(call, district.newest(), now, settings);
    judgement.follow(district, null);
    if (district.surge() != null) {
      cells.values().forEach(judgement::end);
    }
    if (call.cell() != null) {
      Tally cell = cells.computeIfAbsent(call.cell(), id -> new Tally());
      cell.record(call, settings);
      if (district.surge() == null) {
        judgement.follow(cell, call.cell());
      }
    }
    cells.values().forEach(cell -> cell.prune(judgement.windowEnd, settings));
    cells.values().removeIf(Tally::idle);
    return judgement.events;
  }

  /** Ends every surge whose window, ending now, holds fewer calls than its line. */
  List<Object> check(Instant now, SurgeSettings settings) {
    List<Object> events = new ArrayList<>();
    Instant windowStart = now.minus(settings.window());
    endIfFallen(district, windowStart, now, events);
    cells.values().forEach(cell -> endIfFallen(cell, windowStart, now, events));
    return events;
  }

  private static void endIfFallen(Tally place, Instant windowStart, Instant now, List<Object> events) {
    OpenSurge open = place.surge();
    if (open != null && place.count(windowStart) < open.threshold()) {
      place.surge(null);
      events.add(new SurgeEnded(open.surgeId(), now, open.peak(), open.tickets()));
    }
  }

  /** One call judged in the window ending at the newest call, and what it causes. */
  private static final class Judgement {
    private final Call call;
    private final Instant windowEnd;
    private final Instant windowStart;
    private final Instant now;
    private final SurgeSettings settings;
    /** A call replayed long after (a first start reading the topic from its beginning) only adds to the baseline. */
    private final boolean current;
    private final List<Object> events = new ArrayList<>();

    Judgement(Call call, Instant windowEnd, Instant now, SurgeSettings settings) {
      this.call = call;
      this.windowEnd = windowEnd;
      this.windowStart = windowEnd.minus(settings.window());
      this.now = now;
      this.settings = settings;
      this.current = windowEnd.isAfter(now.minus(settings.window()));
    }

    /** The call joins the place's open surge while its window holds enough calls; else a new one may start. */
    void follow(Tally place, String cell) {
      if (!place.holds(call.ticketId())) {
        return; // older than the window: counted toward the baseline only
      }
      endIfFallen(place, windowStart, now, events);
      long count = place.count(windowStart);
      OpenSurge open = place.surge();
      if (open != null) {
        OpenSurge grown = open.joined(call, count, settings.maxCalls());
        place.surge(grown);
        events.add(new SurgeGrew(open.surgeId(), windowStart, windowEnd, count, grown.tickets()));
        return;
      }
      double baseline = place.baseline(windowEnd, settings);
      double threshold = settings.rule(call.category()).threshold(baseline);
      if (current && count >= threshold) {
        String surgeId = surgeId(call, cell);
        place.surge(new OpenSurge(surgeId, threshold, count, place.calls()));
        events.add(new SurgeDetected(surgeId, cell == null ? DISTRICT : CELL, call.category(), call.district(), cell,
            windowStart, windowEnd, count, baseline, threshold, now, place.tickets()));
      }
    }

    /** Ends the place's open surge whatever its count: the district's surge covers it now. */
    void end(Tally place) {
      OpenSurge open = place.surge();
      if (open != null) {
        place.surge(null);
        events.add(new SurgeEnded(open.surgeId(), now, open.peak(), open.tickets()));
      }
    }
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
