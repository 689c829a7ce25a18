package city.hotline.intake.search;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.Urgency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated search: the facet filters, the period in calendar days (of the ticket numbers), the
 * words that must all appear in the description, and the page.
 */
record SearchQuery(Map<Facet, String> facets, LocalDate from, LocalDate to, List<String> words, int page, int size,
    boolean oldestFirst) {

  /** The period's days, in the order results are listed. */
  List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>(from.datesUntil(to.plusDays(1)).toList());
    if (!oldestFirst) {
      Collections.reverse(days);
    }
    return days;
  }

  /** The facet filters as posting-list keys; without any, the list of every ticket. */
  Map<Facet, String> keyFacets() {
    return facets.isEmpty() ? Map.of(Facet.ALL, SearchIndex.ALL) : facets;
  }

  boolean matchesText(String description) {
    String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
    return words.stream().allMatch(text::contains);
  }

  static List<String> words(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    return Arrays.stream(q.trim().toLowerCase(Locale.ROOT).split("\\s+")).toList();
  }

  static Map<Facet, String> facets(ComplaintStatus status, String district, String category, ComplaintType type,
      Channel channel, Urgency urgency) {
    Map<Facet, String> facets = new EnumMap<>(Facet.class);
    putIfPresent(facets, Facet.STATUS, status == null ? null : status.name());
    putIfPresent(facets, Facet.DISTRICT, district);
    putIfPresent(facets, Facet.CATEGORY, category);
    putIfPresent(facets, Facet.TYPE, type == null ? null : type.name());
    putIfPresent(facets, Facet.CHANNEL, channel == null ? null : channel.name());
    putIfPresent(facets, Facet.URGENCY, urgency == null ? null : urgency.name());
    return facets;
  }

  private static void putIfPresent(Map<Facet, String> facets, Facet facet, String value) {
    if (value != null && !value.isBlank()) {
      facets.put(facet, value);
    }
  }
}
