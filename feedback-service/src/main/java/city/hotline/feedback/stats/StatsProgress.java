package city.hotline.feedback.stats;

import org.springframework.stereotype.Component;

/** Whether everything counted so far shows on this replica's dashboard (for tests, checks and the rebuild status). */
@Component
public class StatsProgress {
  private final StatsStore store;
  private final StatsRollup rollup;
  private final StatsCube cube;

  StatsProgress(StatsStore store, StatsRollup rollup, StatsCube cube) {
    this.store = store;
    this.rollup = rollup;
    this.cube = cube;
  }

  /** No counted change waits for the roll-up, and this replica's copy shows the latest roll-ups. */
  public boolean settled() {
    return store.meta().write().stream().allMatch(g -> rollup.settled(store.generation(g))) && cube.showsLatest();
  }
}
