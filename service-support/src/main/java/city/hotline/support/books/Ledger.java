package city.hotline.support.books;

import city.hotline.support.outbox.OutboxRelay;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * A service's side of the system's books (对账): one entry per ticket it knows, with the few facts the
 * reconciliation compares across services (state, whether it was dispatched or closed, events not yet
 * published). Read in the background by an administrator, never on a hot path; never personal data.
 */
public interface Ledger {
  /** Field every entry carries: the ticket id. */
  String TICKET = "t";
  /** Field of an entry: how many of its events still wait in the outbox. */
  String PENDING = "pending";

  void forEachEntry(Consumer<Document> entry);

  /**
   * The entry every ledger starts from: a stored document's ticket id and how many events wait in its
   * outbox (read the document with {@link OutboxRelay#FIELD} in its projection).
   */
  static Document entryOf(Document stored) {
    return new Document(TICKET, stored.getString("_id"))
        .append(PENDING, stored.getList(OutboxRelay.FIELD, Document.class, List.of()).size());
  }
}
