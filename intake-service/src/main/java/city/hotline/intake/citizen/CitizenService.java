package city.hotline.intake.citizen;

import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The citizens' own page: a ticket's progress for whoever knows its number and phone, and reports from the web. */
@Service
class CitizenService {
  private static final Logger log = LoggerFactory.getLogger(CitizenService.class);

  private final WorkOrders orders;
  private final CallerPhones phones;
  private final ProgressTries tries;
  private final ReportsPerPhone reports;
  private final ReferenceData reference;
  private final CitizenSettings settings;
  private final Caller web;
  private final Clock clock;

  CitizenService(WorkOrders orders, CallerPhones phones, ProgressTries tries, ReportsPerPhone reports,
      ReferenceData reference, CitizenSettings settings, Clock clock) {
    this.orders = orders;
    this.phones = phones;
    this.tries = tries;
    this.reports = reports;
    this.reference = reference;
    this.settings = settings;
    this.web = new Caller(settings.webCaller(), settings.webActor(), Set.of(), null);
    this.clock = clock;
  }

  /**
   * 查询进度. A wrong number and an unknown ticket are one answer, reached the same way (a try counted, the caller's
   * phone alone looked up, the digits compared), so neither the answer nor its time tells whether a ticket exists;
   * past the wrong tries a window allows, every try at that number waits for the window to end, found or not.
   *
   * @throws org.springframework.web.ErrorResponseException 404 for no match, 429 past the wrong tries
   */
  Progress progress(ProgressRequest request) {
    String ticketId = request.ticket();
    Instant now = clock.instant();
    FixedWindow window = FixedWindow.at(now, settings.tryWindow());
    int tried = tries.count(ticketId, window.start(), window.end());
    if (tried > settings.wrongTries()) {
      if (tried == settings.wrongTries() + 1) {
        log.debug("progress checks refused until {}: too many wrong tries ticketId={}", window.end(), ticketId);
      }
      throw CitizenRefusals.tooManyTries(window.left(now));
    }
    if (!PhoneDigits.matches(phones.of(ticketId).orElse(null), request.phoneLast4())) {
      throw CitizenRefusals.noMatch();
    }
    tries.giveBack(ticketId, window.start());
    return Progress.of(orders.find(ticketId).orElseThrow(CitizenRefusals::noMatch), reference);
  }

  /**
   * 我要反映: registered as an operator's call is, through the web channel. The page sends one idempotency key per
   * submission, so a double tap or a retry is one ticket; without one, each request is a new report. Each phone
   * makes a few reports a window (counted before registering, a retry of a counted submission free); one refused as
   * invalid is not held against it.
   *
   * @throws org.springframework.web.ErrorResponseException 429 past the phone's reports
   */
  WebReport.Receipt report(WebReport report, String idempotencyKey) {
    String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
    Instant now = clock.instant();
    FixedWindow window = FixedWindow.at(now, settings.reportsWindow());
    boolean phoneGiven = report.phone() != null && !report.phone().isBlank();
    ReportsPerPhone.Counted counted = phoneGiven
        ? reports.count(report.phone(), key, settings.reportsPerPhone(), window) : ReportsPerPhone.Counted.ALREADY;
    if (counted == ReportsPerPhone.Counted.REFUSED) {
      log.debug("web report refused: its phone made its reports until {}", window.end());
      throw CitizenRefusals.tooManyReports(window.left(now));
    }
    ComplaintView registered;
    try {
      registered = orders.register(report.toCall(settings.anonymousName()), web, key);
    } catch (ApiException refused) {
      if (counted == ReportsPerPhone.Counted.NEW) {
        reports.giveBack(report.phone(), key, window); // nothing registered under it
      }
      throw WebReport.inOwnNames(refused);
    }
    return new WebReport.Receipt(registered.ticketId(), registered.status(), Progress.statusName(registered.status()),
        registered.registeredAt());
  }

  PublicReference reference() {
    return new PublicReference(reference.districts(), reference.categories());
  }

  /** The codes and names the report form offers; nothing else of the reference data. */
  record PublicReference(List<ReferenceData.Entry> districts, List<ReferenceData.Entry> categories) {}
}
