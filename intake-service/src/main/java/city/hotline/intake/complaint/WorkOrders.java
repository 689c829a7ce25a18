package city.hotline.intake.complaint;

import city.hotline.support.security.Caller;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What intake's other ways in may do with work orders: a partner system's Open311 report, the citizens' own page and
 * the partners' webhooks register calls and read them here, under the same rules as an operator's call.
 */
@Component
public class WorkOrders {
  private final ComplaintService complaints;
  private final ComplaintRepository store;

  WorkOrders(ComplaintService complaints, ComplaintRepository store) {
    this.complaints = complaints;
    this.store = store;
  }

  /**
   * 受理, as {@code POST /api/complaints} does: validated (problem+json naming each field), numbered, stored with its
   * event. {@code caller} names who registered it (a partner, the citizens' page); with an idempotency key a retry
   * gets the first attempt's ticket; the key may be null.
   */
  public ComplaintView register(RegistrationRequest request, Caller caller, String idempotencyKey) {
    return complaints.register(request, caller, idempotencyKey);
  }

  /** The work order as stored, or empty. */
  public Optional<WorkOrder> find(String ticketId) {
    return store.find(ticketId);
  }

  /**
   * Whether this caller registered the ticket: its registration is keyed by the caller's name
   * ({@code key:<username>|<key>}), which is how a partner's reports are told from others.
   */
  public static boolean registeredBy(WorkOrder order, String username) {
    return order.registration() != null && order.registration().startsWith("key:" + username + "|");
  }
}
