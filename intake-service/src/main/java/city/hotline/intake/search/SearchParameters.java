package city.hotline.intake.search;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.Urgency;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.intake.web.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** Reads the search's query parameters, reporting every bad one at once (400) rather than the first. */
final class SearchParameters {
  private static final int MAX_SIZE = 100;
  private static final int MAX_WORDS_LENGTH = 100;
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

  private final QueryParameters read;

  private SearchParameters(Map<String, String> params) {
    this.read = new QueryParameters(params);
  }

  static SearchQuery parse(Map<String, String> params, ReferenceData reference, LocalDate today,
      SearchSettings settings) {
    return new SearchParameters(params).query(reference, today, settings);
  }

  private SearchQuery query(ReferenceData reference, LocalDate today, SearchSettings settings) {
    ComplaintStatus status = read.enumValue("status", ComplaintStatus.class);
    ComplaintType type = read.enumValue("type", ComplaintType.class);
    Channel channel = read.enumValue("channel", Channel.class);
    Urgency urgency = read.enumValue("urgency", Urgency.class);
    String district = code("district", reference::isDistrict, "/api/reference/districts");
    String category = code("category", reference::isCategory, "/api/reference/categories");
    LocalDate to = date("to", today);
    LocalDate from = date("from", to == null ? null : to.minusDays(settings.defaultDays() - 1L));
    if (from != null && to != null && from.isAfter(to)) {
      read.reject("from", "must not be after to");
    } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= settings.maxDays()) {
      read.reject("from", "the period may cover at most " + settings.maxDays() + " days");
    }
    String q = read.get("q");
    if (q != null && q.length() > MAX_WORDS_LENGTH) {
      read.reject("q", "must be at most " + MAX_WORDS_LENGTH + " characters");
    }
    int page = read.number("page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    int size = read.number("size", 20, 1, MAX_SIZE);
    String sort = Objects.requireNonNullElse(read.get("sort"), "newest");
    if (!sort.equals("newest") && !sort.equals("oldest")) {
      read.reject("sort", "must be newest or oldest");
    }
    read.done();
    return new SearchQuery(SearchQuery.filters(status, district, category, type, channel, urgency), from, to,
        SearchQuery.words(q), page, size, sort.equals("oldest"));
  }

  private String code(String name, Predicate<String> known, String listedBy) {
    String value = read.get(name);
    if (value != null && !value.isBlank() && !known.test(value)) {
      read.reject(name, "must be one of the codes listed by " + listedBy);
    }
    return value;
  }

  private LocalDate date(String name, LocalDate fallback) {
    String value = read.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
        read.reject(name, "must be between " + EARLIEST + " and " + LATEST);
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      read.reject(name, "must be a date like 2026-11-23");
      return null;
    }
  }
}
