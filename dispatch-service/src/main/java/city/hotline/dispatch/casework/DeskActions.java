package city.hotline.dispatch.casework;

import city.hotline.dispatch.routing.RoutingRepository;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.surge.SurgeAlert;
import city.hotline.dispatch.surge.SurgeAlerts;
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
  private final SurgeAlerts surges;

  DeskActions(CaseWrites writes, CaseClocks clocks, RoutingRepository routing, CaseworkSettings settings,
      SurgeAlerts surges) {
    this.writes = writes;
    this.clocks = clocks;
    this.routing = routing;
    this.settings = settings;
    this.surges = surges;
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

  /**
   * @param alertId the surge alert the press answers (waives the overdue rule while it lasts and lists the case), or
   *     null; one the desk has not heard of is a 409
   */
  CaseView press(String ticketId, String note, String alertId, Caller caller) {
    Case kase = writes.load(ticketId, caller);
    SurgeAlert alert = alertId == null ? null : surges.find(alertId).orElseThrow(() -> ApiException.conflict(
        "Alert " + alertId + " is not known to the dispatch desk (yet); only a surge alert it has heard of waives "
            + "the overdue rule"));
    Instant now = writes.now();
    return writes.applyAndView(kase.press(caller.actor(), note, alert, now), caller, now);
  }
}
