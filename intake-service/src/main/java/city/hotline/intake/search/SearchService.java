package city.hotline.intake.search;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.TicketNumber;
import city.hotline.intake.complaint.TicketSequence;
import city.hotline.support.security.Caller;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Search for operators and leaders. The filters are answered from the posting lists by key; only
 * words in the description need the work orders themselves, read by key, newest first, up to a limit.
 */
@Service
class SearchService {
  private static final int KEYS_PER_READ = 500;
  private static final int ORDERS_PER_READ = 200;

  private final SearchIndex index;
  private final TicketSequence tickets;
  private final ComplaintRepository complaints;
  private final SearchSettings settings;

  SearchService(SearchIndex index, TicketSequence tickets, ComplaintRepository complaints, SearchSettings settings) {
    this.index = index;
    this.tickets = tickets;
    this.complaints = complaints;
    this.settings = settings;
  }

  SearchPage search(SearchQuery query, Caller caller) {
    List<String> matches = keyMatches(query);
    if (query.words().isEmpty()) {
      int start = Math.min(query.page() * query.size(), matches.size());
      List<String> page = matches.subList(start, Math.min(start + query.size(), matches.size()));
      return new SearchPage(current(inOrder(page, caller), query), query.page(), query.size(), matches.size(), true);
    }
    return wordSearch(query, matches, caller);
  }

  private SearchPage wordSearch(SearchQuery query, List<String> matches, Caller caller) {
    int start = query.page() * query.size();
    int readable = Math.min(matches.size(), settings.textScanLimit());
    List<ComplaintView> page = new ArrayList<>();
    long total = 0;
    for (int from = 0; from < readable; from += ORDERS_PER_READ) {
      List<String> batch = matches.subList(from, Math.min(from + ORDERS_PER_READ, readable));
      for (ComplaintView view : current(inOrder(batch, caller), query)) {
        if (query.matchesText(view.description())) {
          if (total >= start && page.size() < query.size()) {
            page.add(view);
          }
          total++;
        }
      }
    }
    return new SearchPage(page, query.page(), query.size(), total, readable == matches.size());
  }

  /** Ticket numbers matching every filter, in listing order (ticket numbers sort by day and sequence). */
  private List<String> keyMatches(SearchQuery query) {
    List<LocalDate> days = query.days();
    Map<LocalDate, Long> issued = tickets.issued(days);
    Map<Facet, String> facets = query.keyFacets();
    List<List<String>> blocks = new ArrayList<>(); // per (day, block): the keys whose lists must all hold a ticket
    for (LocalDate day : days) {
      for (long block = 0; block <= issued.get(day) / SearchIndex.BLOCK && issued.get(day) > 0; block++) {
        long b = block;
        blocks.add(facets.entrySet().stream()
            .map(f -> SearchIndex.key(TicketNumber.day(day), f.getKey(), f.getValue(), b))
            .toList());
      }
    }
    Map<String, Set<String>> lists = read(blocks.stream().flatMap(List::stream).toList());
    List<String> matches = new ArrayList<>();
    for (List<String> keys : blocks) {
      Set<String> hits = new HashSet<>(lists.getOrDefault(keys.get(0), Set.of()));
      keys.stream().skip(1).forEach(key -> hits.retainAll(lists.getOrDefault(key, Set.of())));
      matches.addAll(hits);
    }
    matches.sort(query.oldestFirst() ? Comparator.naturalOrder() : Comparator.reverseOrder());
    return matches;
  }

  private Map<String, Set<String>> read(List<String> keys) {
    Map<String, Set<String>> lists = new HashMap<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_READ) {
      lists.putAll(index.postings(keys.subList(from, Math.min(from + KEYS_PER_READ, keys.size()))));
    }
    return lists;
  }

  private List<ComplaintView> inOrder(List<String> ticketIds, Caller caller) {
    Map<String, ComplaintView> byId = complaints.findAll(ticketIds).stream()
        .collect(Collectors.toMap(ComplaintView::ticketId, Function.identity()));
    return ticketIds.stream().filter(byId::containsKey).map(id -> byId.get(id).seenBy(caller)).toList();
  }

  /** The status lists follow status changes a moment later; a page never shows a ticket that has moved on. */
  private static List<ComplaintView> current(List<ComplaintView> views, SearchQuery query) {
    String status = query.facets().get(Facet.STATUS);
    return status == null ? views : views.stream().filter(v -> v.status().name().equals(status)).toList();
  }
}
