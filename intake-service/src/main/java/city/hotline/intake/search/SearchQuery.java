package city.hotline.intake.search;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.TicketNumber;
import city.hotline.intake.complaint.Urgency;
import city.hotline.intake.complaint.WorkOrder;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A validated search: the equality filters by work-order field, the period in calendar days (of the ticket
 * numbers), the words that must all appear in the description, and the page.
 */
record SearchQuery(Map<String, String> filters, LocalDate from, LocalDate to, List<String> words, int page, int size,
    boolean oldestFirst) {

  /**
   * The work orders of the period matching every filter: the filters and one range of ticket numbers, the shape
   * the indexes {filter, _id} serve.
   *
   * @param prefix the ticket numbers' prefix, e.g. {@code WH}
   * @param beyond a ticket number of the period: only those before it in listing order are read (the limit of a word
   *     search), or null for all of them
   */
  Bson filter(String prefix, String beyond) {
    Document ticketNumbers = new Document();
    if (beyond != null && !oldestFirst) {
      ticketNumbers.append("$gt", beyond);
    } else {
      ticketNumbers.append("$gte", TicketNumber.dayKey(prefix, from));
    }
    ticketNumbers.append("$lt", beyond != null && oldestFirst ? beyond : TicketNumber.dayKey(prefix, to.plusDays(1)));
    return new Document(filters).append(WorkOrder.ID, ticketNumbers);
  }

  /** Every word in the description, as it is written, in any case. */
  Bson wordsFilter() {
    return Filters.and(words.stream()
        .map(word -> Filters.regex(WorkOrder.DESCRIPTION, Pattern.quote(word), "i")).toList());
  }

  static List<String> words(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    return Arrays.stream(q.trim().toLowerCase(Locale.ROOT).split("\\s+")).toList();
  }

  static Map<String, String> filters(ComplaintStatus status, String district, String category, ComplaintType type,
      Channel channel, Urgency urgency) {
    Map<String, String> filters = new LinkedHashMap<>();
    putIfPresent(filters, WorkOrder.STATUS, status == null ? null : status.name());
    putIfPresent(filters, WorkOrder.DISTRICT, district);
    putIfPresent(filters, WorkOrder.CATEGORY, category);
    putIfPresent(filters, WorkOrder.TYPE, type == null ? null : type.name());
    putIfPresent(filters, WorkOrder.CHANNEL, channel == null ? null : channel.name());
    putIfPresent(filters, WorkOrder.URGENCY, urgency == null ? null : urgency.name());
    return filters;
  }

  private static void putIfPresent(Map<String, String> filters, String field, String value) {
    if (value != null && !value.isBlank()) {
      filters.put(field, value);
    }
  }
}
