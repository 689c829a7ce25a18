package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.intake.complaint.WorkOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measured honestly: replays the closed work orders on one time line, predicting each when it was registered with a
 * model that has learned only the work orders closed by then (a close and a registration at the same instant: the
 * close first), as the live suggestions would have; counts how often what it was finally handled as (category) and
 * where it was registered (district) were the first or among the first three suggestions. The gazetteer learns
 * nothing, so districts are counted as the work orders are read. The acceptance rate is what operators did with the
 * suggestions shown, as the registrations recorded it.
 *
 * @param orders how many work orders were replayed
 */
public record Evaluation(long orders, TopK category, TopK district, Acceptance acceptance) {

  /** Fractions 0..1 of the orders replayed, null when none were. */
  public record TopK(Double top1, Double top3) {}

  /**
   * @param offered registrations that carried a suggestion
   * @param categoryRate taken among those that showed a category, null when none did
   */
  public record Acceptance(long offered, long categoryTaken, long districtTaken, Double categoryRate,
      Double districtRate) {}

  private static final int TOP = 3;

  /** Replays {@code closed} (any order: the time line is built here) and counts {@code shown}. */
  public static Evaluation of(List<LearnableCall> closed, Gazetteer gazetteer, Iterable<WorkOrder.Suggestion> shown) {
    Replay replay = new Replay(gazetteer);
    closed.forEach(replay::add);
    return replay.finish(shown);
  }

  /**
   * The replay fed one work order at a time, as the store is read: of each it keeps only what the time line needs
   * (its words, each distinct word held once, its final category and two instants), never the whole document.
   */
  public static final class Replay {
    private final Gazetteer gazetteer;
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, String> vocabulary = new HashMap<>();
    private final long[] district = new long[2];

    public Replay(Gazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    public void add(LearnableCall call) {
      Double lon = call.location() == null ? null : call.location().longitude();
      Double lat = call.location() == null ? null : call.location().latitude();
      count(district, gazetteer.locate(call.address(), lon, lat).stream().map(Gazetteer.Scored::code).toList(),
          call.district());
      String[] words = LearnedHistory.words(call.description()).stream()
          .map(word -> vocabulary.computeIfAbsent(word, w -> w)).toArray(String[]::new);
      orders.add(new Order(call.ticketId(), words, call.finalCategory(),
          call.registeredAt() == null ? Instant.MIN : call.registeredAt(),
          call.closedAt() == null ? Instant.MAX : call.closedAt())); // never learned before it is predicted
    }

    public Evaluation finish(Iterable<WorkOrder.Suggestion> shown) {
      CategoryModel model = new CategoryModel();
      long[] category = new long[2];
      for (Event event : timeLine()) {
        List<String> words = Arrays.asList(event.order().words());
        if (event.learn()) {
          model.learn(words, event.order().category());
        } else {
          count(category, model.predict(words, TOP).stream().map(CategoryModel.Scored::code).toList(),
              event.order().category());
        }
      }
      long replayed = orders.size();
      return new Evaluation(replayed, topK(category, replayed), topK(district, replayed), acceptance(shown));
    }

    /** Each order predicted when registered and learned when closed; on a tie the close first, then by ticket. */
    private List<Event> timeLine() {
      List<Event> events = new ArrayList<>(orders.size() * 2);
      for (Order order : orders) {
        events.add(new Event(order.registeredAt(), false, order));
        events.add(new Event(order.closedAt(), true, order));
      }
      events.sort(Comparator.comparing(Event::at).thenComparing(Event::learn, Comparator.reverseOrder())
          .thenComparing(event -> event.order().ticketId()));
      return events;
    }
  }

  /** What the replay keeps of a work order. */
  private record Order(String ticketId, String[] words, String category, Instant registeredAt, Instant closedAt) {}

  /** A prediction (at registration) or a lesson (at the close) on the time line. */
  private record Event(Instant at, boolean learn, Order order) {}

  private static void count(long[] hits, List<String> ranked, String actual) {
    int at = ranked.indexOf(actual);
    if (at == 0) {
      hits[0]++;
    }
    if (at >= 0 && at < TOP) {
      hits[1]++;
    }
  }

  private static TopK topK(long[] hits, long orders) {
    return orders == 0 ? new TopK(null, null) : new TopK((double) hits[0] / orders, (double) hits[1] / orders);
  }

  private static Acceptance acceptance(Iterable<WorkOrder.Suggestion> shown) {
    long offered = 0;
    long[] category = new long[2]; // taken, shown
    long[] district = new long[2];
    for (WorkOrder.Suggestion s : shown) {
      offered++;
      tally(category, s.categoryTaken());
      tally(district, s.districtTaken());
    }
    return new Acceptance(offered, category[0], district[0], rate(category), rate(district));
  }

  private static void tally(long[] counts, Boolean taken) {
    if (taken != null) {
      counts[1]++;
      if (taken) {
        counts[0]++;
      }
    }
  }

  private static Double rate(long[] counts) {
    return counts[1] == 0 ? null : (double) counts[0] / counts[1];
  }
}
