package city.hotline.intake.open311;

import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.TicketSettings;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.partner.Partner;
import city.hotline.intake.partner.PartnerSettings;
import city.hotline.intake.partner.Partners;
import city.hotline.intake.partner.RequestBudget;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What the Open311 façade does: partners' reports registered as calls through {@link WorkOrders} under the partner's
 * name (with an idempotency key always, so {@code WorkOrders.registeredBy} tells its reports), and work orders read
 * as service requests. A report needs an active partner's api_key within its budget; reading needs none, but a key
 * that is sent must be valid. Reads are not charged to the key's budget (a partner polling its tickets would
 * otherwise be better off without its key): the gateway's per-address budget for GET /open311/** limits them.
 */
@Service
class Open311Reports {
  private static final Logger log = LoggerFactory.getLogger(Open311Reports.class);

  private final Partners partners;
  private final RequestBudget budget;
  private final PartnerSettings partnerSettings;
  private final WorkOrders workOrders;
  private final ServiceRequestReads reads;
  private final ServiceCatalog catalog;
  private final ReportMapping mapping;
  private final Validator validator;
  private final Open311Settings settings;
  private final TicketSettings tickets;
  private final Clock clock;

  Open311Reports(Partners partners, RequestBudget budget, PartnerSettings partnerSettings, WorkOrders workOrders,
      ServiceRequestReads reads, ServiceCatalog catalog, ReportMapping mapping, Validator validator,
      Open311Settings settings, TicketSettings tickets, Clock clock) {
    this.partners = partners;
    this.budget = budget;
    this.partnerSettings = partnerSettings;
    this.workOrders = workOrders;
    this.reads = reads;
    this.catalog = catalog;
    this.mapping = mapping;
    this.validator = validator;
    this.settings = settings;
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * POST requests: 受理 of a partner's report.
   *
   * @param idempotencyKey the client's Idempotency-Key, or null (a fresh one: each attempt is then a report)
   * @return the spec's answer: service_request_id (the ticket number), service_notice, account_id (as sent)
   */
  Map<String, Object> report(ServiceRequestForm form, String idempotencyKey) {
    checkJurisdiction(form);
    Partner partner = partner(form.get("api_key")).map(this::charged).orElseThrow(() -> Open311Error.forbidden(
        "is required to post a service request; the hotline's administrators issue one"));
    String code = form.get("service_code");
    if (code == null) {
      throw Open311Error.invalid("service_code", "is required: one of the codes services.json lists");
    }
    if (!catalog.isService(code)) {
      throw Open311Error.notFound("service_code", code + " was not found: use one of the codes services.json lists");
    }
    ReportMapping.Mapped mapped = mapping.map(form);
    List<FieldProblem> problems = new ArrayList<>(mapped.problems());
    validator.validate(mapped.call()).stream()
        .map(v -> ReportMapping.asArgument(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())))
        .filter(p -> problems.stream().noneMatch(known -> known.field().equals(p.field())))
        .forEach(problems::add);
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw Open311Error.invalid(problems);
    }
    Caller caller = new Caller(partner.username(), partner.displayName(), Set.of(), null);
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    ComplaintView registered;
    try {
      registered = workOrders.register(mapped.call(), caller, key);
    } catch (ApiException e) {
      throw translated(e);
    }
    log.info("open311 report registered ticketId={} partner={} category={}", registered.ticketId(), partner.id(),
        code);
    return Open311Body.of("service_request_id", registered.ticketId(), "service_notice", settings.serviceNotice(),
        "account_id", form.get("account_id"));
  }

  /** GET requests: newest first, at most the settings' number. */
  List<Object> find(ServiceRequestForm form) {
    checkJurisdiction(form);
    partner(form.get("api_key"));
    RequestQuery query = RequestQuery.of(form, clock.instant(), settings.maxSpan(), settings.maxRequests(),
        catalog::isService);
    return reads.newest(query.filter(tickets.prefix(), tickets.zone()), settings.maxRequests()).stream()
        .<Object>map(this::view).toList();
  }

  /** GET a request: a list of one, as the spec answers it. */
  List<Object> one(String ticketId, ServiceRequestForm form) {
    checkJurisdiction(form);
    partner(form.get("api_key"));
    WorkOrder order = reads.find(ticketId).orElseThrow(() -> Open311Error.notFound("service_request_id",
        ticketId + " was not found"));
    return List.of(view(order));
  }

  private Map<String, Object> view(WorkOrder order) {
    return ServiceRequestView.of(order, catalog.name(order.category()), tickets.zone());
  }

  /** Only the one jurisdiction served; not sending one is fine (the spec: required only where several are served). */
  void checkJurisdiction(ServiceRequestForm form) {
    String asked = form.get("jurisdiction_id");
    if (asked != null && !asked.equals(settings.jurisdictionId())) {
      throw Open311Error.notFound("jurisdiction_id", asked + " was not found: this endpoint serves "
          + settings.jurisdictionId());
    }
  }

  /**
   * The partner whose key this is; empty without a key.
   *
   * @throws Open311Error 403 for an unknown, replaced or revoked key
   */
  private Optional<Partner> partner(String apiKey) {
    if (apiKey == null) {
      return Optional.empty();
    }
    Partner partner = partners.withKey(apiKey).orElseThrow(() -> Open311Error.forbidden(
        "is not valid: unknown or replaced by a newer key"));
    if (partner.revoked()) {
      throw Open311Error.forbidden("was revoked: the partner " + partner.id() + " may no longer post or read with it");
    }
    return Optional.of(partner);
  }

  /**
   * The partner, once its budget allows one more report.
   *
   * @throws Open311Error 429 past the budget
   */
  private Partner charged(Partner partner) {
    budget.take(partner.id()).ifPresent(wait -> {
      log.info("open311 rate limit partner={} retryAfter={}s", partner.id(), wait);
      throw Open311Error.tooMany(wait, partnerSettings.requestsPerMinute());
    });
    return partner;
  }

  /** Intake's refusal of the call, under the partner's argument names. */
  private static Open311Error translated(ApiException e) {
    if (e.status() == HttpStatus.BAD_REQUEST && !e.errors().isEmpty()) {
      return Open311Error.invalid(e.errors().stream().map(ReportMapping::asArgument).toList());
    }
    return Open311Error.of(e.status(), e.getMessage());
  }
}
