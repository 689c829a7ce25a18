package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.ComplaintView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Open work orders by place ({@code _id}): one entry per (district, category, address) and one per
 * (category, grid cell), each listing the open tickets there. "Anything open near here?" is one
 * keyed read of at most ten entries, never a scan of all work orders. Tickets leave when they close
 * or are merged; readers still check each candidate's status, so a late removal does no harm.
 */
@Repository
public class OpenPlaces {
  private final MongoCollection<Document> places;
  private final DuplicateSettings settings;

  OpenPlaces(MongoDatabase database, DuplicateSettings settings) {
    this.places = database.getCollection("open_places");
    this.settings = settings;
  }

  /** A place as duplicate detection sees it; location may be null. */
  record Place(String district, String category, String address, Double longitude, Double latitude) {
    static Place of(ComplaintView view) {
      return view.location() == null
          ? new Place(view.district(), view.category(), view.address(), null, null)
          : new Place(view.district(), view.category(), view.address(), view.location().longitude(),
              view.location().latitude());
    }

    boolean located() {
      return longitude != null && latitude != null;
    }
  }

  void add(String ticketId, Place place) {
    write(ownKeys(place).stream().map(key -> (WriteModel<Document>) new UpdateOneModel<Document>(
        Filters.eq("_id", key), Updates.addToSet("tickets", ticketId), new UpdateOptions().upsert(true))).toList());
  }

  /** The work order is no longer open (closed or merged). */
  public void forget(ComplaintView view) {
    Place place = Place.of(view);
    write(ownKeys(place).stream().map(key -> (WriteModel<Document>) new UpdateOneModel<Document>(
        Filters.eq("_id", key), Updates.pull("tickets", view.ticketId()))).toList());
  }

  /** Open tickets at the same address or in the cells around the point, in the same category. */
  Set<String> ticketsNear(Place place) {
    List<String> keys = new ArrayList<>();
    if (place.address() != null && place.district() != null) {
      keys.add(addressKey(place));
    }
    if (place.located()) {
      Places.around(place.longitude(), place.latitude(), settings.radiusMeters())
          .forEach(cell -> keys.add(cellKey(place.category(), cell)));
    }
    Set<String> tickets = new LinkedHashSet<>();
    if (place.category() == null || keys.isEmpty()) {
      return tickets;
    }
    places.find(Filters.in("_id", keys)).forEach(d -> tickets.addAll(d.getList("tickets", String.class, List.of())));
    return tickets;
  }

  private List<String> ownKeys(Place place) {
    List<String> keys = new ArrayList<>(List.of(addressKey(place)));
    if (place.located()) {
      keys.add(cellKey(place.category(), Places.cell(place.longitude(), place.latitude(), settings.radiusMeters())));
    }
    return keys;
  }

  private void write(List<WriteModel<Document>> writes) {
    places.bulkWrite(writes);
  }

  private static String addressKey(Place place) {
    return "addr|" + place.district() + "|" + place.category() + "|" + Places.normalizeAddress(place.address());
  }

  private static String cellKey(String category, Places.Cell cell) {
    return "cell|" + category + "|" + cell.x() + "|" + cell.y();
  }
}
