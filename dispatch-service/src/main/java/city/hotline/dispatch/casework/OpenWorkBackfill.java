package city.hotline.dispatch.casework;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fills the queues' read model once, when a database that already holds cases meets it for the first
 * time (an upgrade); from then on dispatch's own events keep it. A one-off scan of the open cases.
 */
@Component
class OpenWorkBackfill implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(OpenWorkBackfill.class);
  private final OpenWork openWork;
  private final CaseRepository cases;

  OpenWorkBackfill(OpenWork openWork, CaseRepository cases) {
    this.openWork = openWork;
    this.cases = cases;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (openWork.start()) {
      int placed = cases.forEachOpen(openWork::place);
      log.info("queue read model started placed={}", placed);
    }
  }
}
