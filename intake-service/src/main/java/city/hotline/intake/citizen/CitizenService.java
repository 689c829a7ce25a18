package city.hotline.intake.citizen;

import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
  private final ProgressTries tries;
  private final ReferenceData reference;
  private final CitizenSettings settings;
  private final Caller web;
  private final Clock clock;

  CitizenService(WorkOrders orders, ProgressTries tries, ReferenceData reference, CitizenSettings settings,
      Clock clock) {
    this.orders = orders;
    this.tries = tries;
    this.reference = reference;
    this.settings = settings;
    this.web = new Caller(settings.webCaller(), settings.webActor(), Set.of(), null);
    this.clock = clock;
  }

  /**
   * 查询进度. A wrong number and an unknown ticket are one answer, reached the same way (a try counted, the order
   * looked up, the digits compared), so neither the answer nor its time tells whether a ticket exists; past the
   * wrong tries a window allows, every try at that number waits for the window to end, found or not.
   *
   * @throws org.springframework.web.ErrorResponseException 404 for no match, 429 past the wrong tries
   */
  Progress progress(ProgressRequest request) {
    String ticketId = request.ticket();
    Instant now = clock.instant();
    long window = settings.tryWindow().toMillis();
    Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % window);
    Instant windowEnd = windowStart.plusMillis(window);
    int tried = tries.count(ticketId, windowStart, windowEnd);
    if (tried > settings.wrongTries()) {
      if (tried == settings.wrongTries() + 1) {
        log.info("progress checks refused until {}: too many wrong tries ticketId={}", windowEnd, ticketId);
      }
      throw ProgressRefusals.tooManyTries(Duration.between(now, windowEnd));
    }
    Optional<WorkOrder> order = orders.find(ticketId);
    if (!PhoneDigits.matches(order.map(WorkOrder::callerPhone).orElse(null), request.phoneLast4())) {
      throw ProgressRefusals.noMatch();
    }
    tries.giveBack(ticketId, windowStart);
    return Progress.of(order.orElseThrow(), reference);
  }

  /**
   * 我要反映: registered as an operator's call is, through the web channel. The page sends one idempotency key per
   * submission, so a double tap or a retry is one ticket; without one, each request is a new report.
   */
  WebReport.Receipt report(WebReport report, String idempotencyKey) {
    String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
    ComplaintView registered;
    try {
      registered = orders.register(report.toCall(settings.anonymousName()), web, key);
    } catch (ApiException refused) {
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
