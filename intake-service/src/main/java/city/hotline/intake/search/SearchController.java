package city.hotline.intake.search;

import city.hotline.intake.complaint.TicketSettings;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/complaints?status=&district=&category=&type=&channel=&urgency=&from=&to=&q=&page=&size=&sort=}
 * for operators and leaders. A look-up by {@code phone} is answered by {@code ComplaintController} instead.
 */
@RestController
@RequestMapping("/api/complaints")
class SearchController {
  private final SearchService search;
  private final ReferenceData reference;
  private final SearchSettings settings;
  private final TicketSettings tickets;
  private final Clock clock;

  SearchController(SearchService search, ReferenceData reference, SearchSettings settings, TicketSettings tickets,
      Clock clock) {
    this.search = search;
    this.reference = reference;
    this.settings = settings;
    this.tickets = tickets;
    this.clock = clock;
  }

  @GetMapping(params = "!phone")
  SearchPage search(@RequestParam Map<String, String> params) {
    LocalDate today = LocalDate.now(clock.withZone(tickets.zone()));
    return search.search(SearchParameters.parse(params, reference, today, settings), Caller.current());
  }
}
