package city.hotline.intake.citizen;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.progress.PublicNotes;
import city.hotline.intake.reference.ReferenceData;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A work order as the citizen who called sees it on the public page (查询进度): where it stands and its public steps,
 * nothing about who called or what was said (a confidential caller's order shows the same), no staff names.
 *
 * @param unitName the unit handling it, when one is (from its dispatch step), else null
 * @param updatedAt when its status last changed
 */
public record Progress(String ticketId, ComplaintStatus status, String statusName, String category,
    String categoryName, String district, String districtName, Instant registeredAt, Instant updatedAt,
    String unitName, List<Step> steps) {

  /** What a dispatch step says (progress.ProgressSteps): 派单至 X, 人工派单至 X, 重办, 再次交 X 办理. */
  private static final Pattern DISPATCHED_TO = Pattern.compile("(?:派单至 (.+)|再次交 (.+) 办理)");

  /** One public step: when, the status it set, and a note fit for the citizen. */
  public record Step(Instant at, ComplaintStatus status, String statusName, String note) {}

  static Progress of(WorkOrder order, ReferenceData reference) {
    List<WorkOrder.Step> timeline = Objects.requireNonNullElse(order.timeline(), List.<WorkOrder.Step>of()).stream()
        .filter(step -> step.status() != null) // notes (延期, 超期, 督办) are the staff's, not the citizen's
        .sorted(Comparator.comparing(WorkOrder.Step::at))
        .toList();
    List<Step> steps = timeline.stream()
        .map(step -> new Step(step.at(), step.status(), statusName(step.status()),
            PublicNotes.note(step.status(), step.note(), step.eventId(), order)))
        .toList();
    return new Progress(order.ticketId(), order.status(), statusName(order.status()), order.category(),
        name(reference.categories(), order.category()), order.district(),
        name(reference.districts(), order.district()), order.registeredAt(), order.statusAt(),
        order.unitId() == null ? null : unitName(timeline), steps);
  }

  /** The status in the citizen's words. */
  static String statusName(ComplaintStatus status) {
    return switch (status) {
      case REGISTERED -> "已受理";
      case DISPATCHED -> "已派单";
      case AWAITING_MANUAL_DISPATCH, RETURNED -> "派单中";
      case CLAIMED -> "办理中";
      case RESOLVED -> "已办结";
      case CLOSED -> "已结案";
      case MERGED -> "已合并办理";
    };
  }

  private static String unitName(List<WorkOrder.Step> timeline) {
    String name = null;
    for (WorkOrder.Step step : timeline) {
      Matcher dispatched = step.status() == ComplaintStatus.DISPATCHED && step.note() != null
          ? DISPATCHED_TO.matcher(step.note()) : null;
      if (dispatched != null && dispatched.find()) {
        name = dispatched.group(1) != null ? dispatched.group(1) : dispatched.group(2);
      }
    }
    return name;
  }

  private static String name(List<ReferenceData.Entry> entries, String code) {
    return entries.stream().filter(entry -> entry.code().equals(code)).map(ReferenceData.Entry::name).findFirst()
        .orElse(code);
  }
}
