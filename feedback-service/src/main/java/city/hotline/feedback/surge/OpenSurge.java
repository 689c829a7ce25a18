package city.hotline.feedback.surge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A surge reported and not yet over.
 *
 * @param threshold the line it crossed; it ends when the window holds fewer calls
 * @param peak the most calls the window held meanwhile
 * @param calls every call that was part of it, oldest first
 */
record OpenSurge(String surgeId, double threshold, long peak, List<Call> calls) {

  /**
   * A further call, in its place by time (calls registered on different partitions may come in any order); listed
   * while the surge lists fewer than {@code maxCalls}.
   */
  OpenSurge joined(Call call, long count, int maxCalls) {
    List<Call> more = new ArrayList<>(calls);
    if (more.size() < maxCalls) {
      more.add(call);
      more.sort(Comparator.comparing(Call::at));
    }
    return new OpenSurge(surgeId, threshold, Math.max(peak, count), List.copyOf(more));
  }

  List<String> tickets() {
    return calls.stream().map(Call::ticketId).toList();
  }
}
