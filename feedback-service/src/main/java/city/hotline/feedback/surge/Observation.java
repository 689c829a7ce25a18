package city.hotline.feedback.surge;

import java.time.Instant;

/**
 * What a task knows besides the call it hands to a {@link SurgeWatch}.
 *
 * @param now the service clock's time
 * @param observedSince the earliest call the task has counted: weeks before it are unknown to the baseline
 * @param caughtUp whether the task has run a whole window since it started; until then it may still be reading its
 *     backlog (after a restart or an outage), so a window looking empty does not yet mean a surge is over
 */
record Observation(Instant now, Instant observedSince, boolean caughtUp) {}
