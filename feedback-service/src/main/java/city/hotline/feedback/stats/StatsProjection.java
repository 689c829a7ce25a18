package city.hotline.feedback.stats;

import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.EventEnvelope;
import city.hotline.feedback.stats.Metric.Placement;
import city.hotline.feedback.stats.StatsStore.Generation;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Counts one event into one generation of the read model, so that every figure counts a ticket once,
 * in the cell of the earliest event that moves it (by time, then event id), whatever order and however
 * often the events arrive:
 *
 * <ol>
 *   <li>the ticket's document keeps, per figure, the winning event and every cell it was ever placed
 *       in (a versioned read-modify-write, retried when another event of the ticket wins the race);
 *   <li>the ticket is added to the winning cell's set for that figure (with the winner's attributes)
 *       and taken out of every other cell it was placed in — sets, so doing it twice changes nothing;
 *   <li>the cells are marked dirty for the roll-up, after they changed, so a roll-up that read them
 *       before the change runs again (a crash before the mark is healed by the event's redelivery,
 *       which does steps 2 and 3 again);
 *   <li>if the ticket's document changed meanwhile, steps 2 and 3 are done again from the newer picture.
 * </ol>
 */
@Component
class StatsProjection {
  private static final int MAX_TRIES = 20;

  private final ZoneId zone;

  StatsProjection(StatsSettings settings) {
    this.zone = settings.zone();
  }

  void apply(Generation g, EventEnvelope<?> event) {
    List<Placement> placements = Metric.placements(event);
    if (placements.isEmpty()) {
      return;
    }
    CaseFacts facts = ((CaseEvent) event.payload()).facts();
    CellKey cell = CellKey.of(event.occurredAt().atZone(zone).toLocalDate(), facts);
    if (event.payload() instanceof CaseDispatched dispatched && facts.unitId() != null) {
      g.units().updateOne(Filters.eq("_id", facts.unitId()), Updates.set("name", dispatched.unitName()),
          new UpdateOptions().upsert(true));
    }
    Candidate candidate = new Candidate(event.occurredAt().toEpochMilli(), event.eventId().toString(), cell.encode());
    for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
      Document ticket = recordPlacements(g, event.ticketId(), placements, candidate, facts);
      if (ticket == null) {
        continue; // another event of this ticket wrote first: read again
      }
      place(g, event.ticketId(), placements, ticket.get("m", Document.class));
      Document now = g.tickets().find(Filters.eq("_id", event.ticketId())).first();
      if (now != null && Objects.equals(now.get("v"), ticket.get("v"))) {
        return;
      }
    }
    throw new IllegalStateException("ticket " + event.ticketId() + " kept changing while its figures were counted");
  }

  private record Candidate(long at, String eventId, String cell) {
    boolean earlierThan(Document mark) {
      long markAt = mark.getLong("at");
      return at < markAt || (at == markAt && eventId.compareTo(mark.getString("id")) < 0);
    }
  }

  /** Step 1: the ticket's marks with this event merged in; null if someone else changed them first. */
  private Document recordPlacements(Generation g, String ticketId, List<Placement> placements, Candidate candidate,
      CaseFacts facts) {
    Document ticket = g.tickets().find(Filters.eq("_id", ticketId)).first();
    Document marks = ticket == null ? new Document() : new Document(ticket.get("m", Document.class));
    boolean changed = false;
    for (Placement p : placements) {
      Document before = marks.get(p.metric().name(), Document.class);
      Document after = merge(before, p, candidate);
      if (!after.equals(before)) {
        marks.put(p.metric().name(), after);
        changed = true;
      }
    }
    Document unit = ticket == null ? null : ticket.get("u", Document.class);
    Document newerUnit = facts.unitId() != null && (unit == null || unit.getLong("at") < candidate.at())
        ? new Document("id", facts.unitId()).append("at", candidate.at()) : unit;
    changed |= !Objects.equals(unit, newerUnit);
    if (!changed) {
      return ticket;
    }
    if (ticket == null) {
      Document fresh = new Document("_id", ticketId).append("v", 0L).append("m", marks)
          .append("f", new Document("district", facts.district()).append("category", facts.category())
              .append("urgency", facts.urgency()));
      if (newerUnit != null) {
        fresh.append("u", newerUnit);
      }
      registrationDay(marks).ifPresent(day -> fresh.append(StatsStore.TICKET_DAY, day));
      try {
        g.tickets().insertOne(fresh);
        return fresh;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          return null;
        }
        throw e;
      }
    }
    long version = ticket.getLong("v");
    List<Bson> changes = new ArrayList<>(List.of(Updates.set("m", marks), Updates.set("v", version + 1)));
    if (newerUnit != null) {
      changes.add(Updates.set("u", newerUnit));
    }
    registrationDay(marks).ifPresent(day -> changes.add(Updates.set(StatsStore.TICKET_DAY, day)));
    boolean written = g.tickets().updateOne(Filters.and(Filters.eq("_id", ticketId), Filters.eq("v", version)),
        Updates.combine(changes)).getModifiedCount() == 1;
    return written ? g.tickets().find(Filters.eq("_id", ticketId)).first() : null;
  }

  /** The day the ticket was registered (its RECEIVED mark's), by which the case list finds it. */
  private Optional<String> registrationDay(Document marks) {
    Document received = marks.get(Metric.RECEIVED.name(), Document.class);
    return received == null ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(received.getLong("at")).atZone(zone).toLocalDate().toString());
  }

  /** A figure's mark with the candidate event merged in: the earliest event wins, every cell is remembered. */
  private static Document merge(Document mark, Placement p, Candidate candidate) {
    if (mark == null) {
      return winner(new Document(), p, candidate).append("placed", List.of(candidate.cell()));
    }
    Set<String> placed = new LinkedHashSet<>(mark.getList("placed", String.class));
    placed.add(candidate.cell());
    Document merged = candidate.earlierThan(mark) ? winner(new Document(), p, candidate) : new Document(mark);
    merged.put("placed", new ArrayList<>(placed));
    return merged;
  }

  private static Document winner(Document mark, Placement p, Candidate candidate) {
    mark.append("at", candidate.at()).append("id", candidate.eventId()).append("cell", candidate.cell())
        .append("attrs", p.attributes().stream().map(Metric::name).sorted().toList());
    if (p.handlingSeconds() != null) {
      mark.append("h", p.handlingSeconds());
    }
    if (p.outcome() != null) {
      mark.append("o", p.outcome());
    }
    return mark;
  }

  /** Steps 2 and 3: put the ticket in the winner's cell and out of the others, then mark the cells dirty. */
  private static void place(Generation g, String ticketId, List<Placement> placements, Document marks) {
    Map<String, List<Bson>> winners = new LinkedHashMap<>();
    Map<String, List<Bson>> losers = new LinkedHashMap<>();
    for (Placement p : placements) {
      Metric metric = p.metric();
      Document mark = marks.get(metric.name(), Document.class);
      String winnerCell = mark.getString("cell");
      List<String> attrs = mark.getList("attrs", String.class);
      List<Bson> win = winners.computeIfAbsent(winnerCell, c -> new ArrayList<>());
      win.add(Updates.addToSet(metric.field(), ticketId));
      for (Metric attribute : metric.attributes()) {
        win.add(attrs.contains(attribute.name()) ? Updates.addToSet(attribute.field(), ticketId)
            : Updates.pull(attribute.field(), ticketId));
      }
      if (metric == Metric.RESOLVED) {
        Long seconds = mark.getLong("h");
        win.add(seconds == null ? Updates.unset("h." + ticketId) : Updates.set("h." + ticketId, seconds));
      }
      for (String other : mark.getList("placed", String.class)) {
        if (!other.equals(winnerCell)) {
          List<Bson> lose = losers.computeIfAbsent(other, c -> new ArrayList<>());
          lose.add(Updates.pull(metric.field(), ticketId));
          metric.attributes().forEach(a -> lose.add(Updates.pull(a.field(), ticketId)));
          if (metric == Metric.RESOLVED) {
            lose.add(Updates.unset("h." + ticketId));
          }
        }
      }
    }
    Set<String> touched = new LinkedHashSet<>(winners.keySet());
    touched.addAll(losers.keySet());
    losers.forEach((cell, updates) -> g.cells().updateOne(Filters.eq("_id", cell), Updates.combine(updates)));
    winners.forEach((cell, updates) -> g.cells().updateOne(Filters.eq("_id", cell), Updates.combine(updates),
        new UpdateOptions().upsert(true)));
    touched.forEach(cell -> g.dirty().updateOne(Filters.eq("_id", cell), Updates.inc("v", 1L),
        new UpdateOptions().upsert(true)));
  }
}
