package city.hotline.dispatch.casework;

import city.hotline.dispatch.routing.RoutingRepository;
import city.hotline.dispatch.routing.Unit;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the dispatch desk (派单员) does: route by hand (人工派单/改派), decide extensions (延期审批), press (督办). */
@Service
class DeskActions {
  private final CaseWrites writes;
  private final CaseClocks clocks;
  private final RoutingRepository routing;
  private final CaseworkSettings settings;

  DeskActions(CaseWrites writes, CaseClocks clocks, RoutingRepository routing, CaseworkSettings settings) {
    this.writes = writes;
    this.clocks = clocks;
    this.routing = routing;
    this.settings = settings;
  }

  /** To any active unit, with fresh deadlines; a case in the wrong state is a 409 before the unit is looked at. */
  CaseView dispatch(String ticketId, String unitId, String note, boolean confirmReturnedUnit, Caller caller) {
    Case kase = writes.load(ticketId, caller);
    kase.check(CaseAction.DISPATCH);
    Unit unit = routing.activeUnit(unitId).orElseThrow(() -> ApiException.invalid(
        List.of(new FieldProblem("unitId", "is not an active unit: " + unitId))));
    Instant now = writes.now();
    CaseChange change = kase.dispatchByHand(unit, caller.actor(), note, confirmReturnedUnit,
        settings.returnsBeforeConfirm(), clocks.start(kase, now), now);
    return writes.applyAndView(change, caller, now);
  }

  CaseView decideExtension(String ticketId, boolean approve, String note, Caller caller) {
    Instant now = writes.now();
    CaseChange change = writes.load(ticketId, caller).decideExtension(caller.actor(), approve, note, now);
    return writes.applyAndView(change, caller, now);
  }

  /** @param alertId the surge alert the press answers (waives the overdue rule), or null */
  CaseView press(String ticketId, String note, String alertId, Caller caller) {
    Instant now = writes.now();
    return writes.applyAndView(writes.load(ticketId, caller).press(caller.actor(), note, alertId, now), caller, now);
  }
}
