package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.intake.complaint.WorkOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measured honestly: replays the closed work orders in the order they were registered, predicting each with a model
 * trained only on the ones before it, then learning it; counts how often what it was finally handled as (category)
 * and where it was registered (district) were the first or among the first three suggestions. The acceptance rate is
 * what operators did with the suggestions shown, as the registrations recorded it.
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

  /** Replays {@code closed} (any order: sorted here) and counts {@code shown}. */
  public static Evaluation of(List<LearnableCall> closed, Gazetteer gazetteer, Iterable<WorkOrder.Suggestion> shown) {
    List<LearnableCall> history = new ArrayList<>(closed);
    history.sort(Comparator.comparing(LearnableCall::registeredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(LearnableCall::ticketId));
    LearnedHistory model = new LearnedHistory();
    long[] category = new long[2];
    long[] district = new long[2];
    for (LearnableCall call : history) {
      List<String> categories = model.categories().predict(LearnedHistory.words(call.description()), TOP).stream()
          .map(CategoryModel.Scored::code).toList();
      count(category, categories, call.finalCategory());
      Double lon = call.location() == null ? null : call.location().longitude();
      Double lat = call.location() == null ? null : call.location().latitude();
      count(district, gazetteer.locate(call.address(), lon, lat).stream().map(Gazetteer.Scored::code).toList(),
          call.district());
      model.learn(call);
    }
    long orders = history.size();
    return new Evaluation(orders, topK(category, orders), topK(district, orders), acceptance(shown));
  }

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
