package city.hotline.dispatch.casework;

import city.hotline.dispatch.sla.CalendarSettings;
import city.hotline.support.security.Caller;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/** What a unit does with its cases: 签收 claim, 办结 resolve, 退单 return, 延期 ask for more time. The case decides. */
@Service
class BureauActions {
  private final CaseWrites writes;
  private final CaseClocks clocks;
  private final CaseworkSettings settings;
  private final ZoneId zone;

  BureauActions(CaseWrites writes, CaseClocks clocks, CaseworkSettings settings, CalendarSettings calendar) {
    this.writes = writes;
    this.clocks = clocks;
    this.settings = settings;
    this.zone = calendar.zone();
  }

  CaseView claim(String ticketId, Caller caller) {
    Instant now = writes.now();
    return writes.applyAndView(writes.load(ticketId, caller).claim(caller.actor(), now), caller, now);
  }

  CaseView resolve(String ticketId, String reply, List<Case.Attachment> attachments, Caller caller) {
    Instant now = writes.now();
    Case kase = writes.load(ticketId, caller);
    CaseChange change = kase.resolve(caller.actor(), reply, attachments, now, clocks.returnVisitDeadline(now));
    return writes.applyAndView(change, caller, now);
  }

  /**
   * The desk needs an explicit choice to send the case back to a unit that has returned it
   * {@code hotline.casework.returns-before-confirm} times ({@link Case#dispatchByHand}).
   */
  CaseView returnCase(String ticketId, ReturnReason reason, String note, Caller caller) {
    Instant now = writes.now();
    CaseChange change = writes.load(ticketId, caller).returnToDesk(caller.actor(), reason, note, now);
    return writes.applyAndView(change, caller, now);
  }

  CaseView requestExtension(String ticketId, String reason, Instant requested, Caller caller) {
    Instant now = writes.now();
    Case kase = writes.load(ticketId, caller);
    CaseChange change = kase.requestExtension(caller.actor(), reason, requested, now, settings.maxExtension(), zone);
    return writes.applyAndView(change, caller, now);
  }
}
