package city.hotline.gateway.reconciliation;

import city.hotline.gateway.reconciliation.Books.Dispatch;
import city.hotline.gateway.reconciliation.Books.Feedback;
import city.hotline.gateway.reconciliation.Books.Intake;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads the services' {@code /api/admin/books} answers into {@link Books}; unknown fields are ignored. */
final class LedgerReader {
  private LedgerReader() {}

  static Books books(JsonNode intake, JsonNode dispatch, JsonNode feedback) {
    return new Books(
        entries(intake, e -> new Intake(e.path("status").asString(""), e.path("closedDirectly").asBoolean(),
            e.path("pending").asInt())),
        entries(dispatch, e -> new Dispatch(e.path("state").asString(""), e.path("dispatched").asBoolean(),
            e.path("resolved").asBoolean(), e.path("pending").asInt())),
        entries(feedback, e -> new Feedback(text(e, "visit"), text(e, "outcome"), figures(e), text(e, "closedAs"),
            e.path("pending").asInt())));
  }

  static int ticketCount(Books books) {
    Set<String> tickets = new HashSet<>(books.intake().keySet());
    tickets.addAll(books.dispatch().keySet());
    tickets.addAll(books.feedback().keySet());
    return tickets.size();
  }

  private static <T> Map<String, T> entries(JsonNode books, Function<JsonNode, T> entry) {
    Map<String, T> byTicket = new HashMap<>();
    for (JsonNode e : books.path("entries")) {
      byTicket.put(e.path("t").asString(), entry.apply(e));
    }
    return byTicket;
  }

  private static String text(JsonNode e, String field) {
    JsonNode value = e.path(field);
    return value.isString() ? value.asString() : null;
  }

  private static Set<String> figures(JsonNode e) {
    Set<String> figures = new LinkedHashSet<>();
    e.path("figures").forEach(f -> figures.add(f.asString()));
    return figures;
  }
}
