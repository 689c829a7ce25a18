package city.hotline.feedback.visit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Upgrade from before issue 22: rating links sent to citizens then keep rating once their hashes are on
 * their visits ({@link VisitRepository#keepLinksIssuedBeforeIssue22}); done at every start, a no-op after the first.
 */
@Component
public class OldRatingLinks implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(OldRatingLinks.class);

  private final VisitRepository visits;

  OldRatingLinks(VisitRepository visits) {
    this.visits = visits;
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = keep();
    if (added > 0) {
      log.info("rating links issued before issue 22 kept on their visits count={}", added);
    }
  }

  /** @return how many link hashes this call added to visits */
  public int keep() {
    return visits.keepLinksIssuedBeforeIssue22();
  }
}
