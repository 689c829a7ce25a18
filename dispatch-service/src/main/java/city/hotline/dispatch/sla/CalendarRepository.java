package city.hotline.dispatch.sla;

import city.hotline.dispatch.admin.VersionedDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The holiday calendar, one document per year in {@code calendar_years} ({@code _id} the year, dates as
 * ISO strings). A small collection: it is read whole. Seeds the configured years on first start without
 * ever overwriting an admin's edit.
 */
@Repository
class CalendarRepository {
  static final String COLLECTION = "calendar_years";

  private final MongoCollection<Document> years;

  CalendarRepository(MongoDatabase database, CalendarSettings settings, Clock clock) {
    this.years = database.getCollection(COLLECTION);
    seed(settings, clock.instant());
  }

  private void seed(CalendarSettings settings, Instant now) {
    Map<Integer, List<LocalDate>> holidays = byYear(settings.holidays());
    Map<Integer, List<LocalDate>> makeUps = byYear(settings.makeUpWorkdays());
    for (int year : holidays.keySet()) {
      CalendarYear seeded = new CalendarYear(year, holidays.get(year), makeUps.getOrDefault(year, List.of()),
          settings.seedSource(), VersionedDocuments.SEED, now, 1);
      VersionedDocuments.seed(years, year, fields(seeded));
    }
  }

  private static Map<Integer, List<LocalDate>> byYear(Collection<LocalDate> dates) {
    Map<Integer, List<LocalDate>> byYear = new TreeMap<>();
    dates.forEach(day -> byYear.computeIfAbsent(day.getYear(), y -> new ArrayList<>()).add(day));
    return byYear;
  }

  /** Every year, oldest first. */
  List<CalendarYear> all() {
    return years.find().sort(Sorts.ascending("_id")).map(CalendarRepository::year).into(new ArrayList<>());
  }

  Optional<CalendarYear> find(int year) {
    return Optional.ofNullable(years.find(Filters.eq("_id", year)).first()).map(CalendarRepository::year);
  }

  /** @return false when someone else saved this version of the year first */
  boolean save(CalendarYear year) {
    return VersionedDocuments.save(years, year.year(), fields(year));
  }

  private static Document fields(CalendarYear year) {
    return new Document("holidays", year.holidays().stream().map(LocalDate::toString).toList())
        .append("makeUpWorkdays", year.makeUpWorkdays().stream().map(LocalDate::toString).toList())
        .append("source", year.source())
        .append("updatedBy", year.updatedBy())
        .append("updatedAt", Date.from(year.updatedAt()))
        .append(VersionedDocuments.VERSION, year.version());
  }

  private static CalendarYear year(Document d) {
    return new CalendarYear(d.getInteger("_id"), dates(d, "holidays"), dates(d, "makeUpWorkdays"), d.getString("source"),
        d.getString("updatedBy"), d.getDate("updatedAt").toInstant(), d.getInteger(VersionedDocuments.VERSION));
  }

  private static List<LocalDate> dates(Document d, String field) {
    return d.getList(field, String.class, List.of()).stream().map(LocalDate::parse).toList();
  }
}
