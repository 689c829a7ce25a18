package city.hotline.dispatch.casework;

import city.hotline.support.security.Caller;
import city.hotline.support.validation.OneOf;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Validated
class CaseController {
  private static final String REQUIRED = "is required";
  private static final String AT_MOST_500 = "must be at most 500 characters";

  private final CaseService cases;
  private final BureauActions bureau;
  private final DeskActions desk;
  private final QueueService queues;

  CaseController(CaseService cases, BureauActions bureau, DeskActions desk, QueueService queues) {
    this.cases = cases;
    this.bureau = bureau;
    this.desk = desk;
    this.queues = queues;
  }

  /** 办结 reply: what was done about it, with references to photos or documents kept elsewhere. */
  record ResolveRequest(
      @NotBlank(message = REQUIRED) @Size(max = 2000, message = "must be at most 2000 characters") String reply,
      @Size(max = 10, message = "at most 10 attachments") List<@Valid AttachmentRef> attachments) {}

  record AttachmentRef(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = "must be at most 200 characters") String name,
      @NotBlank(message = REQUIRED) @Size(max = 1000, message = "must be at most 1000 characters")
      @Pattern(regexp = "^(https?://|/)\\S+$", message = "must be an http(s) address or a path on the document store")
      String url) {}

  /** 退单: a reason from the list, by name so an unknown one is reported with the other fields; the unit's own words. */
  record ReturnRequest(@NotNull(message = "is required: one of NOT_OUR_DISTRICT, NOT_OUR_RESPONSIBILITY, "
      + "INSUFFICIENT_INFORMATION, DUPLICATE, OTHER") @OneOf(ReturnReason.class) String reason,
      @NotBlank(message = REQUIRED) @Size(max = 500, message = AT_MOST_500) String note) {}

  /** 延期申请. */
  record ExtensionRequest(@NotBlank(message = REQUIRED) @Size(max = 500, message = AT_MOST_500) String reason,
      @NotNull(message = "is required (ISO-8601 with offset)") OffsetDateTime requestedDeadline) {}

  /** 人工派单 / 改派. */
  record DispatchRequest(@NotBlank(message = REQUIRED) String unitId,
      @Size(max = 500, message = AT_MOST_500) String note, boolean confirmReturnedUnit) {}

  /** 延期审批 notes. */
  record NoteRequest(@Size(max = 500, message = AT_MOST_500) String note) {}

  /**
   * 督办: the note, and the surge alert (突发预警) it answers, if any: then the case need not be overdue, as long as the
   * alert still lasts and lists it (else 409 saying which).
   */
  record PressRequest(@Size(max = 500, message = AT_MOST_500) String note,
      @Size(max = 120, message = "must be at most 120 characters")
      @Pattern(regexp = "^\\s*[A-Za-z0-9_.-]*\\s*$", message = "must be an alert id (letters, digits, _ . -)")
      String alertId) {}

  record ReasonView(String code, String name) {}

  @GetMapping
  QueueService.Page queue(@RequestParam(required = false) CaseState state,
      @RequestParam(required = false) String unitId, @RequestParam(required = false) String urgency,
      @RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Boolean extensionPending,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return queues.queue(Caller.current(),
        new QueueService.Filter(state, unitId, urgency, category, overdue, extensionPending), page, size);
  }

  @GetMapping("/return-reasons")
  List<ReasonView> returnReasons() {
    return Arrays.stream(ReturnReason.values()).map(r -> new ReasonView(r.name(), r.label())).toList();
  }

  @GetMapping("/{ticketId}")
  CaseView get(@PathVariable String ticketId) {
    return cases.get(ticketId, Caller.current());
  }

  @PostMapping("/{ticketId}/claim")
  CaseView claim(@PathVariable String ticketId) {
    return bureau.claim(ticketId, Caller.current());
  }

  @PostMapping("/{ticketId}/resolve")
  CaseView resolve(@PathVariable String ticketId, @Valid @RequestBody ResolveRequest request) {
    List<Case.Attachment> attachments = request.attachments() == null ? List.of()
        : request.attachments().stream().map(a -> new Case.Attachment(a.name().strip(), a.url())).toList();
    return bureau.resolve(ticketId, request.reply().strip(), attachments, Caller.current());
  }

  @PostMapping("/{ticketId}/return")
  CaseView returnCase(@PathVariable String ticketId, @Valid @RequestBody ReturnRequest request) {
    return bureau.returnCase(ticketId, ReturnReason.valueOf(request.reason()), request.note().strip(), Caller.current());
  }

  @PostMapping("/{ticketId}/extension")
  CaseView requestExtension(@PathVariable String ticketId, @Valid @RequestBody ExtensionRequest request) {
    return bureau.requestExtension(ticketId, request.reason().strip(), request.requestedDeadline().toInstant(),
        Caller.current());
  }

  @PostMapping("/{ticketId}/extension/approve")
  CaseView approveExtension(@PathVariable String ticketId, @Valid @RequestBody(required = false) NoteRequest request) {
    return desk.decideExtension(ticketId, true, note(request), Caller.current());
  }

  /** A rejection must say why, so the unit knows what to do instead. */
  @PostMapping("/{ticketId}/extension/reject")
  CaseView rejectExtension(@PathVariable String ticketId, @Valid @RequestBody(required = false) NoteRequest request) {
    return desk.decideExtension(ticketId, false, requiredNote(request == null ? null : request.note()),
        Caller.current());
  }

  @PostMapping("/{ticketId}/dispatch")
  CaseView dispatch(@PathVariable String ticketId, @Valid @RequestBody DispatchRequest request) {
    return desk.dispatch(ticketId, request.unitId().strip(), stripped(request.note()), request.confirmReturnedUnit(),
        Caller.current());
  }

  @PostMapping("/{ticketId}/press")
  CaseView press(@PathVariable String ticketId, @Valid @RequestBody(required = false) PressRequest request) {
    String note = requiredNote(request == null ? null : request.note());
    return desk.press(ticketId, note, stripped(request.alertId()), Caller.current());
  }

  private static String note(NoteRequest request) {
    return request == null ? null : stripped(request.note());
  }

  /** The text without surrounding blanks; null when there is none. */
  private static String stripped(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String requiredNote(String text) {
    String note = stripped(text);
    if (note == null) {
      throw ApiException.invalid(List.of(new FieldProblem("note", REQUIRED)));
    }
    return note;
  }
}
