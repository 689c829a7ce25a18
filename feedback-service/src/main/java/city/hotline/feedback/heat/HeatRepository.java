package city.hotline.feedback.heat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The map's heat layer: registrations with a map point counted per day × category × district × grid cell, one
 * document each in {@code heat_cells}, with the tickets counted in it so a redelivered registration counts once.
 */
@Repository
class HeatRepository {
  static final String COLLECTION = "heat_cells";
  private static final String ID = "_id";
  private static final String DAY = "day";
  private static final String CATEGORY = "category";
  private static final String DISTRICT = "district";
  private static final String CELL = "cell";
  private static final String COUNT = "count";
  private static final String TICKETS = "tickets";

  /**
   * One day's calls of one category in one grid cell of one district ({@code day} as ISO text, which sorts); public
   * for the driver's record codec.
   */
  public record Cell(@BsonId String id, @BsonProperty(DAY) String day, @BsonProperty(CATEGORY) String category,
      @BsonProperty(DISTRICT) String district, @BsonProperty(CELL) String cell, @BsonProperty(COUNT) long count) {}

  private final MongoCollection<Cell> cells;

  HeatRepository(MongoDatabase database) {
    this.cells = database.getCollection(COLLECTION, Cell.class);
    // the heat of a period: the days from, to
    cells.createIndex(Indexes.ascending(DAY));
  }

  /**
   * Counts the ticket in its cell once: again, it is there already and nothing changes. A duplicate key says the
   * cell exists, but not that it has this ticket: two first counts of a new cell at once both found no cell and
   * both inserted one. So the count is made again on the cell that is there now; when that matches nothing, the
   * ticket was counted already.
   */
  void count(LocalDate day, String category, String district, String cell, String ticketId) {
    String id = String.join("|", day.toString(), category, district, cell);
    Bson notCounted = Filters.and(Filters.eq(ID, id), Filters.ne(TICKETS, ticketId));
    Bson count = Updates.combine(Updates.setOnInsert(DAY, day.toString()), Updates.setOnInsert(CATEGORY, category),
        Updates.setOnInsert(DISTRICT, district), Updates.setOnInsert(CELL, cell), Updates.push(TICKETS, ticketId),
        Updates.inc(COUNT, 1));
    try {
      cells.updateOne(notCounted, count, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      cells.updateOne(notCounted, count);
    }
  }

  /** The cells of the days from {@code from} to {@code to}, of one district and category when given (else null). */
  void forEachOver(LocalDate from, LocalDate to, String district, String category, Consumer<Cell> reader) {
    List<Bson> filter = new ArrayList<>(List.of(Filters.gte(DAY, from.toString()), Filters.lte(DAY, to.toString())));
    if (district != null) {
      filter.add(Filters.eq(DISTRICT, district));
    }
    if (category != null) {
      filter.add(Filters.eq(CATEGORY, category));
    }
    cells.find(Filters.and(filter)).projection(Projections.exclude(TICKETS)).forEach(reader);
  }
}
