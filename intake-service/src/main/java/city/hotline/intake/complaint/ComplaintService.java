package city.hotline.intake.complaint;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.intake.duplicate.DuplicateCandidate;
import city.hotline.intake.duplicate.DuplicateFinder;
import city.hotline.intake.duplicate.DuplicateProbe;
import city.hotline.intake.knowledge.KnowledgeLookup;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** 受理: validates a call, gives it a ticket number, and stores it together with its ComplaintRegistered event. */
@Service
class ComplaintService {
  private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);
  private static final Pattern PHONE = Pattern.compile(RegistrationRequest.PHONE);
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  /** Numbers to try before giving up: more than one is needed only if the sequence repeats itself. */
  private static final int NUMBER_ATTEMPTS = 3;

  private final ComplaintRepository complaints;
  private final IdempotencyKeys keys;
  private final DuplicateFinder duplicates;
  private final JsonMapper json;
  private final TicketSequence tickets;
  private final ReferenceData reference;
  private final Validator validator;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final RegisteredCalls registeredCalls;
  private final KnowledgeLookup knowledge;
  private final String producer;

  ComplaintService(ComplaintRepository complaints, IdempotencyKeys keys, DuplicateFinder duplicates, JsonMapper json, TicketSequence tickets,
      ReferenceData reference, Validator validator, OutboxRelay outbox, Clock clock, RegisteredCalls registeredCalls,
      KnowledgeLookup knowledge, HotlineProperties properties) {
    this.complaints = complaints;
    this.keys = keys;
    this.duplicates = duplicates;
    this.json = json;
    this.tickets = tickets;
    this.reference = reference;
    this.validator = validator;
    this.outbox = outbox;
    this.clock = clock;
    this.registeredCalls = registeredCalls;
    this.knowledge = knowledge;
    this.producer = properties.serviceName();
  }

  /**
   * 受理. With an idempotency key, a retried request gets the ticket of its first attempt and never
   * a second one; the same key with a different request is refused (422).
   */
  ComplaintView register(RegistrationRequest request, Caller caller, String idempotencyKey) {
    Optional<ComplaintView> saved = savedAlready(request, caller, idempotencyKey);
    if (saved.isPresent()) {
      return saved.get();
    }
    Optional<KnowledgeLookup.ArticleMatch> cited = validate(request, idempotencyKey);
    // 知识库: an answer left out is the citation of the article it was given from; the request as sent is hashed
    RegistrationRequest call = cited.filter(article -> isBlank(request.answer()))
        .map(article -> request.withAnswer("见知识库 " + article.id() + ": " + article.title()))
        .orElse(request);
    for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      Optional<ComplaintView> registered = idempotencyKey == null
          ? registerAs(tickets.next(), call, caller, "call:" + UUID.randomUUID())
          : registerKeyed(requestHash(request), call, caller, idempotencyKey);
      if (registered.isPresent()) {
        return registered.get();
      }
    }
    // Never a number another call holds: refused, nothing stored, and the operator is told why (SPEC §8.1).
    log.error("ticket sequence keeps handing out numbers already taken; registration refused");
    throw ApiException.conflict("Every ticket number tried for this call is already another call's (was the "
        + "database restored?); nothing was stored, try again", Map.of("code", "TICKET_NUMBER_TAKEN"));
  }

  /**
   * A retry of a call saved under this key, answered before validation: what it cites or joins may have changed since
   * (an article retired, an original closed), and the call is registered already.
   */
  private Optional<ComplaintView> savedAlready(RegistrationRequest request, Caller caller, String key) {
    if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    String hash = requestHash(request);
    return keys.find(caller.username(), key)
        .filter(binding -> binding.requestHash().equals(hash))
        .flatMap(binding -> complaints.findRegistration(binding.ticketId(), registrationOf(caller, key)))
        .map(done -> done.view().seenBy(caller));
  }

  private static String registrationOf(Caller caller, String key) {
    return "key:" + caller.username() + "|" + key;
  }

  /** Empty if the key's number was taken by another call: the key is then bound to a new number for the next try. */
  private Optional<ComplaintView> registerKeyed(String hash, RegistrationRequest request, Caller caller, String key) {
    IdempotencyKeys.Binding binding = keys.find(caller.username(), key)
        .orElseGet(() -> keys.bind(caller.username(), key, new IdempotencyKeys.Binding(hash, tickets.next()), clock.instant()));
    if (!binding.requestHash().equals(hash)) {
      throw ApiException.unprocessable("Idempotency-Key " + key + " was already used for a different call");
    }
    // First attempt, a retry of a finished one, or a retry of one that died before writing the work order.
    String registration = registrationOf(caller, key);
    Optional<ComplaintView> registered = complaints.findRegistration(binding.ticketId(), registration)
        .map(done -> done.view().seenBy(caller))
        .or(() -> registerAs(binding.ticketId(), request, caller, registration));
    if (registered.isEmpty()) {
      keys.rebind(caller.username(), key, binding.ticketId(), tickets.next());
    }
    return registered;
  }

  /**
   * Empty if another call holds the number already: the sequence must never make two calls one.
   * {@code registration} names this call (its idempotency key, or a fresh id), so only its own retry matches.
   */
  private Optional<ComplaintView> registerAs(String ticketId, RegistrationRequest request, Caller caller,
      String registration) {
    String actor = caller.actor();
    Instant now = clock.instant();
    RegistrationRequest.Location at = request.location();
    ComplaintRegistered payload = new ComplaintRegistered(
        new CaseFacts(request.district(), request.category(), request.urgency(), null),
        request.callerName(), request.callerPhone(), request.confidential(),
        request.channelOrDefault().name(), request.typeOrDefault().name(),
        request.address(), request.description(), actor, request.closesDirectly(), request.answer(),
        request.street(), at == null ? null : at.longitude(), at == null ? null : at.latitude(), request.duplicateOf(),
        request.knowledgeArticleId(), request.smsOptOut());
    EventEnvelope<ComplaintRegistered> event =
        EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, producer, now, payload);
    WorkOrder.PlaceKeys place = duplicates.placeOf(request.address(), request.location());
    List<String> likelyDuplicates = payload.needsDispatch()
        ? duplicates.candidates(DuplicateProbe.of(request), place, ticketId).stream()
            .map(DuplicateCandidate::ticketId).toList()
        : List.of();
    WorkOrder order = WorkOrder.register(ticketId, request, registration, now, actor, likelyDuplicates, place,
        outbox.entry(event));
    if (!complaints.insert(order)) {
      Optional<WorkOrder> same = complaints.findRegistration(ticketId, registration); // a concurrent retry wrote it
      if (same.isEmpty()) {
        log.error("ticket number handed out twice ticketId={}; registering the call under a new number", ticketId);
      }
      return same.map(done -> done.view().seenBy(caller));
    }
    outbox.wake(ComplaintRepository.COLLECTION, ticketId);
    registeredCalls.count(request.channelOrDefault(), request.typeOrDefault()); // after the insert: only this write is new
    log.info("complaint registered ticketId={} district={} category={} urgency={}",
        ticketId, request.district(), request.category(), request.urgency());
    return Optional.of(order.view().seenBy(caller)); // as stored: no read-back
  }

  /** 查询进度 by phone: the caller's recent work orders, newest first. */
  List<ComplaintView> byPhone(String phone, int limit, Caller caller) {
    if (phone == null || !PHONE.matcher(phone).matches()) {
      throw ApiException.invalid(List.of(new FieldProblem("phone", "must be a Chinese mobile or landline number")));
    }
    return complaints.byPhone(phone, limit).stream().map(order -> order.view().seenBy(caller)).toList();
  }

  /** A bureau reads only the work orders its unit handles; any other is "not found", so existence does not leak. */
  ComplaintView find(String ticketId, Caller caller) {
    return complaints.find(ticketId)
        .filter(order -> caller.isScopedTo(order.unitId()))
        .orElseThrow(() -> ApiException.notFound("Ticket", ticketId))
        .view().seenBy(caller);
  }

  /**
   * The same call always hashes the same: records serialise their fields in declaration order. The suggestion the
   * panel showed is left out (a retry may carry a newer one); a request without it hashes as it always did.
   */
  private String requestHash(RegistrationRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(request.withoutSuggestion()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every broken rule at once, so the operator fixes the form in one go; nothing is stored.
   *
   * @return the 知识库 article the call cites, when it cites one
   */
  private Optional<KnowledgeLookup.ArticleMatch> validate(RegistrationRequest request, String idempotencyKey) {
    Optional<WorkOrder> original = request.duplicateOf() == null || request.closesDirectly()
        ? Optional.empty() : complaints.find(request.duplicateOf());
    Optional<KnowledgeLookup.ArticleMatch> cited = isBlank(request.knowledgeArticleId())
        ? Optional.empty() : knowledge.citable(request.knowledgeArticleId());
    List<FieldProblem> errors = fieldErrors(request, idempotencyKey, original);
    errors.addAll(citationErrors(request, cited));
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldProblem::field));
      throw ApiException.invalid(errors);
    }
    // 重复件 at registration: only into an open ticket
    original.flatMap(WorkOrder::refusesCalls).ifPresent(reason -> {
      throw ApiException.conflict(reason);
    });
    return cited;
  }

  /** 知识库: only a consultation closed directly cites an article, and only one in force now. */
  private static List<FieldProblem> citationErrors(RegistrationRequest request,
      Optional<KnowledgeLookup.ArticleMatch> cited) {
    if (request.knowledgeArticleId() == null) {
      return List.of();
    }
    if (!request.closesDirectly()) {
      return List.of(new FieldProblem("knowledgeArticleId",
          "only a consultation closed directly (closeDirectly: true) cites a knowledge article"));
    }
    if (cited.isEmpty()) {
      return List.of(new FieldProblem("knowledgeArticleId", "must be a published knowledge article in force"));
    }
    return List.of();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private List<FieldProblem> fieldErrors(RegistrationRequest request, String idempotencyKey,
      Optional<WorkOrder> original) {
    List<FieldProblem> errors = new ArrayList<>();
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      errors.add(new FieldProblem("Idempotency-Key", "must be 1 to 128 of A-Z a-z 0-9 . _ : -"));
    }
    validator.validate(request).forEach(v -> errors.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
    if (request.district() != null && !request.district().isBlank() && !reference.isDistrict(request.district())) {
      errors.add(new FieldProblem("district", "must be one of the codes listed by /api/reference/districts"));
    }
    if (request.category() != null && !request.category().isBlank() && !reference.isCategory(request.category())) {
      errors.add(new FieldProblem("category", "must be one of the codes listed by /api/reference/categories"));
    }
    // by name: the type may be one of the unknown names reported above
    if (request.closesDirectly() && !ComplaintType.CONSULTATION.name().equals(request.type())) {
      errors.add(new FieldProblem("closeDirectly", "only a consultation (CONSULTATION) can be closed directly"));
    }
    if (request.closesDirectly() && isBlank(request.answer()) && isBlank(request.knowledgeArticleId())) {
      errors.add(new FieldProblem("answer", "is required when the call is closed directly without a knowledge article"));
    }
    if (request.duplicateOf() != null && request.closesDirectly()) {
      errors.add(new FieldProblem("duplicateOf", "a call closed directly is not merged into another ticket"));
    } else if (request.duplicateOf() != null && original.isEmpty()) {
      errors.add(new FieldProblem("duplicateOf", "must be the ticket number of an existing work order"));
    }
    return errors;
  }
}
