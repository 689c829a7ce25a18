package city.hotline.intake.search;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.TicketSettings;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.support.security.Caller;
import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/**
 * Search for operators and leaders: one query of the work orders by the filters and the period (indexed), paged by
 * ticket number. Words in the description are matched by the same query, over at most a configured number of the
 * work orders the filters find, so a word search over a long period stays cheap.
 */
@Service
class SearchService {
  private final ComplaintRepository complaints;
  private final SearchSettings settings;
  private final TicketSettings tickets;

  SearchService(ComplaintRepository complaints, SearchSettings settings, TicketSettings tickets) {
    this.complaints = complaints;
    this.settings = settings;
    this.tickets = tickets;
  }

  SearchPage search(SearchQuery query, Caller caller) {
    if (query.words().isEmpty()) {
      return page(query, query.filter(tickets.prefix(), null), true, caller);
    }
    // Past the limit the words are matched no further: the page says so, and a narrower search gives all.
    String beyond = complaints.nth(query.filter(tickets.prefix(), null), query.oldestFirst(),
        settings.textScanLimit() + 1).orElse(null);
    Bson readable = query.filter(tickets.prefix(), beyond);
    return page(query, Filters.and(readable, query.wordsFilter()), beyond == null, caller);
  }

  private SearchPage page(SearchQuery query, Bson filter, boolean complete, Caller caller) {
    List<WorkOrder> orders = complaints.page(filter, query.oldestFirst(), query.page() * query.size(), query.size());
    return new SearchPage(orders.stream().map(order -> order.view().seenBy(caller)).toList(), query.page(),
        query.size(), complaints.count(filter), complete);
  }
}
