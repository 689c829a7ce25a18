package city.hotline.dispatch.surge;

import city.hotline.support.web.ApiException;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A surge alert (突发预警) as the dispatch desk knows it from the surge detection's events: the calls behind it and
 * whether it still lasts. A press answering it needs no passed deadline (an emergency does not wait for one), so it
 * must be a real alert, still open, with the pressed case among its calls.
 *
 * @param id the surge's id
 * @param tickets the calls the surge reported, in the order reported
 * @param open true from SurgeDetected until SurgeEnded
 */
public record SurgeAlert(@BsonId String id, @BsonProperty(SurgeAlert.TICKETS) List<String> tickets,
    @BsonProperty(SurgeAlert.OPEN) boolean open) {

  static final String TICKETS = "tickets";
  static final String OPEN = "open";

  public SurgeAlert {
    tickets = tickets == null ? List.of() : List.copyOf(tickets);
  }

  /** A press of this case answers the alert only while it lasts and lists the case: else a 409 saying which. */
  public void admitsPressOf(String ticketId) {
    if (!open) {
      throw ApiException.conflict("Alert " + id + " has ended; a case behind it is pressed once overdue, like any other");
    }
    if (!tickets.contains(ticketId)) {
      throw ApiException.conflict("Case " + ticketId + " is not one of the calls of alert " + id
          + "; only those are pressed for it");
    }
  }
}
