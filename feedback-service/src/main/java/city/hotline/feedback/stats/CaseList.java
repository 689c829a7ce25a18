package city.hotline.feedback.stats;

import city.hotline.feedback.stats.StatsStore.Generation;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The cases registered in a period, one row each, as the statistics know them (工单明细): each day's
 * tickets read by their registration-day index in ticket order, a batch at a time, so an export of a
 * busy month streams instead of filling memory.
 */
@Component
class CaseList {
  private static final int BATCH = 500;

  private final StatsStore store;

  CaseList(StatsStore store) {
    this.store = store;
  }

  /**
   * One case: its dimensions, when each step first happened, and how it ended.
   *
   * @param solved for a rated close whose citizen answered 问题是否解决 (optional), the answer; else null (blank)
   */
  record Row(String ticketId, Instant registeredAt, String district, String category, String urgency, String unitId,
      Instant dispatchedAt, Instant claimedAt, Boolean claimedOnTime, Instant resolvedAt, Boolean resolvedOnTime,
      Double handlingHours, Instant closedAt, String outcome, Boolean solved, boolean returned, boolean overdue,
      boolean reopened, boolean merged, boolean closedDirectly, boolean consultation, String knowledgeArticleId) {}

  void forEach(DashboardFilter f, Consumer<Row> action) {
    Generation g = store.generation(store.meta().read());
    for (LocalDate day = f.from(); !day.isAfter(f.to()); day = day.plusDays(1)) {
      List<Row> batch;
      String after = "";
      do {
        batch = batch(g, day.toString(), after);
        batch.stream().filter(r -> matches(r, f)).forEach(action);
        after = batch.isEmpty() ? after : batch.get(batch.size() - 1).ticketId();
      } while (batch.size() == BATCH);
    }
  }

  /** The next batch of a day's tickets, in ticket order, after the ticket id {@code after}. */
  private static List<Row> batch(Generation g, String day, String after) {
    List<Row> rows = new ArrayList<>();
    g.tickets().find(Filters.and(Filters.eq(StatsStore.TICKET_DAY, day), Filters.gt("_id", after)))
        .sort(Sorts.ascending("_id")).limit(BATCH).forEach(d -> rows.add(row(d)));
    return rows;
  }

  private static boolean matches(Row r, DashboardFilter f) {
    return (f.district() == null || f.district().equals(r.district()))
        && (f.category() == null || f.category().equals(r.category()))
        && (f.unitId() == null || f.unitId().equals(r.unitId()));
  }

  private static Row row(Document d) {
    Document m = d.get("m", new Document());
    Document facts = d.get("f", new Document());
    Document unit = d.get("u", Document.class);
    Document claimed = m.get(Metric.CLAIMED.name(), Document.class);
    Document resolved = m.get(Metric.RESOLVED.name(), Document.class);
    Document closed = m.get(Metric.CLOSED.name(), Document.class);
    Document consultation = m.get(Metric.CONSULTATIONS.name(), Document.class);
    Long seconds = resolved == null ? null : resolved.getLong("h");
    return new Row(d.getString("_id"), at(m, Metric.RECEIVED), facts.getString("district"), facts.getString("category"),
        facts.getString("urgency"), unit == null ? null : unit.getString("id"), at(m, Metric.DISPATCHED),
        at(m, Metric.CLAIMED), claimed == null ? null : attribute(claimed, Metric.CLAIMED_ON_TIME),
        at(m, Metric.RESOLVED), resolved == null ? null : attribute(resolved, Metric.RESOLVED_ON_TIME),
        seconds == null ? null : seconds / 3600.0, at(m, Metric.CLOSED), closed == null ? null : closed.getString("o"),
        closed == null || !attribute(closed, Metric.SOLVED_ANSWERED) ? null : attribute(closed, Metric.SOLVED),
        m.containsKey(Metric.RETURNED.name()), m.containsKey(Metric.OVERDUE.name()),
        m.containsKey(Metric.REOPENED.name()), m.containsKey(Metric.MERGED.name()),
        m.containsKey(Metric.CLOSED_DIRECTLY.name()), consultation != null,
        consultation != null && attribute(consultation, Metric.ANSWERED_FROM_KNOWLEDGE) ? consultation.getString("o")
            : null);
  }

  private static Instant at(Document marks, Metric metric) {
    Document mark = marks.get(metric.name(), Document.class);
    return mark == null ? null : Instant.ofEpochMilli(mark.getLong("at"));
  }

  private static boolean attribute(Document mark, Metric attribute) {
    return mark.getList("attrs", String.class, List.of()).contains(attribute.name());
  }
}
