package city.hotline.feedback.stats;

import city.hotline.feedback.stats.StatsStore.Generation;
import city.hotline.support.books.Ledger;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The statistics in the books (对账): which figures count each ticket in the generation the dashboard
 * reads, and how its close was counted, so the reconciliation can hold them against the cases.
 */
@Component
class StatsLedger implements Ledger {
  private final StatsStore store;

  StatsLedger(StatsStore store) {
    this.store = store;
  }

  @Override
  public void forEachEntry(Consumer<Document> entry) {
    Generation g = store.generation(store.meta().read());
    g.tickets().find().forEach(t -> {
      Document marks = t.get("m", Document.class);
      Document closed = marks.get(Metric.CLOSED.name(), Document.class);
      entry.accept(new Document(TICKET, t.getString("_id"))
          .append("figures", new ArrayList<>(marks.keySet()))
          .append("closedAs", closed == null ? null : closed.getString("o")));
    });
  }
}
