package city.hotline.feedback.surge;

import java.util.List;

/**
 * A surge reported and not yet over. Only its tickets' ids are kept: the calls themselves are in the window.
 *
 * @param threshold the line it crossed when it opened; it ends only when its window holds fewer than end-ratio × this
 * @param peak the most calls the window held meanwhile
 * @param tickets the calls that were part of it, oldest first
 */
record OpenSurge(String surgeId, double threshold, long peak, List<String> tickets) {

  /** A further call, whose tickets (in order) the place worked out; listed while the surge lists fewer than max-calls. */
  OpenSurge joined(List<String> withCall, long count, int maxCalls) {
    return new OpenSurge(surgeId, threshold, Math.max(peak, count),
        tickets.size() < maxCalls ? List.copyOf(withCall) : tickets);
  }

  /** Whether the window, holding {@code count} calls, has fallen far enough below the line for the surge to be over. */
  boolean fallen(long count, double endRatio) {
    return count < endRatio * threshold;
  }
}
