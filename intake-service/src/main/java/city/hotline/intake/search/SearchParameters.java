package city.hotline.intake.search;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.Urgency;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads the search's query parameters, reporting every bad one at once (400) rather than the first. */
final class SearchParameters {
  private static final int MAX_SIZE = 100;
  private static final int MAX_WORDS_LENGTH = 100;
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

  private final Map<String, String> params;
  private final List<FieldProblem> errors = new ArrayList<>();

  private SearchParameters(Map<String, String> params) {
    this.params = params;
  }

  static SearchQuery parse(Map<String, String> params, ReferenceData reference, LocalDate today,
      SearchSettings settings) {
    return new SearchParameters(params).query(reference, today, settings);
  }

  private SearchQuery query(ReferenceData reference, LocalDate today, SearchSettings settings) {
    ComplaintStatus status = enumValue("status", ComplaintStatus.class);
    ComplaintType type = enumValue("type", ComplaintType.class);
    Channel channel = enumValue("channel", Channel.class);
    Urgency urgency = enumValue("urgency", Urgency.class);
    String district = code("district", reference::isDistrict, "/api/reference/districts");
    String category = code("category", reference::isCategory, "/api/reference/categories");
    LocalDate to = date("to", today);
    LocalDate from = date("from", to == null ? null : to.minusDays(settings.defaultDays() - 1L));
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldProblem("from", "must not be after to"));
    } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= settings.maxDays()) {
      errors.add(new FieldProblem("from", "the period may cover at most " + settings.maxDays() + " days"));
    }
    String q = params.get("q");
    if (q != null && q.length() > MAX_WORDS_LENGTH) {
      errors.add(new FieldProblem("q", "must be at most " + MAX_WORDS_LENGTH + " characters"));
    }
    int page = number("page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    int size = number("size", 20, 1, MAX_SIZE);
    String sort = params.getOrDefault("sort", "newest");
    if (!sort.equals("newest") && !sort.equals("oldest")) {
      errors.add(new FieldProblem("sort", "must be newest or oldest"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return new SearchQuery(SearchQuery.filters(status, district, category, type, channel, urgency), from, to,
        SearchQuery.words(q), page, size, sort.equals("oldest"));
  }

  private <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private String code(String name, Predicate<String> known, String listedBy) {
    String value = params.get(name);
    if (value != null && !value.isBlank() && !known.test(value)) {
      errors.add(new FieldProblem(name, "must be one of the codes listed by " + listedBy));
    }
    return value;
  }

  private LocalDate date(String name, LocalDate fallback) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
        errors.add(new FieldProblem(name, "must be between " + EARLIEST + " and " + LATEST));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.add(new FieldProblem(name, "must be a date like 2026-11-23"));
      return null;
    }
  }

  private int number(String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range number
    }
    errors.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }
}
