package city.hotline.dispatch.casework;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fills the queues' read model once, when a database that already holds cases meets it for the first
 * time (an upgrade), and files their deadlines with the overdue clock; from then on dispatch's own
 * events keep it. A one-off scan of the open cases; placing is guarded by each case's rev, so a
 * filling cut short and run again does no harm.
 */
@Component
class OpenWorkBackfill implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(OpenWorkBackfill.class);
  private final OpenWork openWork;
  private final CaseRepository cases;
  private final CaseClocks clocks;

  OpenWorkBackfill(OpenWork openWork, CaseRepository cases, CaseClocks clocks) {
    this.clocks = clocks;
    this.openWork = openWork;
    this.cases = cases;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!openWork.filled()) {
      openWork.fillStarting();
      int placed = cases.forEachOpen(kase -> {
        clocks.watchCurrent(kase);
        openWork.place(kase);
      });
      openWork.markFilled();
      log.info("queue read model filled placed={}", placed);
    }
  }
}
