package city.hotline.intake.progress;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.WorkOrder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rule for what of a work order's text the public may read, on every public channel (Open311's requests, the
 * citizens' 查询进度 page, partners' webhooks).
 *
 * <p>{@link #scrub}: free text with the names of its callers (also as 王女士, 王师傅 …, the way units write of them,
 * and Latin names in any case), e-mail addresses and anything that looks like a phone number blotted out, whatever
 * the caller or a unit wrote. The text is NFKC-normalised first, so full-width digits (１３８…) are digits. A name of
 * one character is left (it would blot out ordinary words); ticket numbers (letters then digits) and dates
 * (2026-12-08) are left.
 *
 * <p>{@link #note}: a timeline step's note as a plain sentence; the staff's own words (a return's reason, why it waits
 * for a dispatcher, the caller's verdict at 结案, a merged ticket's number) never show, only where it was sent and the
 * answer given, scrubbed.
 */
public final class PublicNotes {
  static final String BLOT = "***";
  /**
   * Seven or more digits, a space, dash or dot between them allowed, optionally after +86: a phone number. Not a date
   * written yyyy-MM-dd, which units' replies are full of.
   */
  private static final Pattern PHONE_LIKE = Pattern.compile(
      "(?<![\\dA-Za-z])(?!\\d{4}-\\d{2}-\\d{2}(?!\\d))(?:\\+?86[- .]?)?\\d(?:[- .]?\\d){6,}(?!\\d)");
  private static final Pattern E_MAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  /** How a caller is spoken of by surname (王女士, 李师傅): the surname is followed by one of these. */
  private static final String HONORIFICS = "(?:先生|女士|小姐|老师|师傅|阿姨|大爷|大妈|同志|老板)";
  /** Two-character family names (欧阳, 司马 …): their bearers are spoken of by both characters. */
  private static final List<String> DOUBLE_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
      "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "西门", "南宫", "独孤", "澹台");
  private static final int SHORTEST_NAME = 2;

  private PublicNotes() {}

  /**
   * A step's note as the public may read it.
   *
   * @param eventId the step's event id: a consultation answered on the phone (直接办结) ends in
   *     {@link WorkOrder#CLOSED_AT_CALL}, and its note is the answer the caller was given
   */
  public static String note(ComplaintStatus status, String note, String eventId, WorkOrder order) {
    return switch (status) {
      case REGISTERED -> "您反映的问题已受理";
      case DISPATCHED -> scrub(note, order);
      case AWAITING_MANUAL_DISPATCH -> "正在为您的问题确定承办单位";
      case RETURNED -> "原承办单位退回，正在重新派单";
      case CLAIMED -> "承办单位已签收，正在办理";
      case RESOLVED -> "办理结果：" + scrub(Objects.requireNonNullElse(note, ""), order);
      case CLOSED -> eventId != null && eventId.endsWith(WorkOrder.CLOSED_AT_CALL) ? scrub(note, order) : "工单已结案";
      case MERGED -> "与反映同一问题的工单合并办理";
    };
  }

  public static String scrub(String text, WorkOrder order) {
    if (text == null) {
      return null;
    }
    String scrubbed = E_MAIL.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(BLOT);
    for (String name : names(order)) {
      scrubbed = Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
          .matcher(scrubbed).replaceAll(BLOT);
      String surname = surname(name);
      if (surname != null) {
        scrubbed = Pattern.compile(Pattern.quote(surname) + HONORIFICS).matcher(scrubbed).replaceAll(BLOT);
      }
    }
    return PHONE_LIKE.matcher(scrubbed).replaceAll(BLOT);
  }

  /** The family name of a Chinese name (its first character, or two for 欧阳 …); null for a Latin name. */
  private static String surname(String name) {
    if (!Character.isIdeographic(name.codePointAt(0))) {
      return null;
    }
    return DOUBLE_SURNAMES.stream().filter(name::startsWith).findFirst()
        .orElse(name.substring(0, Character.charCount(name.codePointAt(0))));
  }

  private static List<String> names(WorkOrder order) {
    List<String> names = new ArrayList<>();
    add(names, order.callerName());
    order.extraCallers().stream().map(ComplaintView.DuplicateCall::callerName).forEach(name -> add(names, name));
    return names;
  }

  private static void add(List<String> names, String name) {
    if (name == null) {
      return;
    }
    String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
    if (normalised.length() >= SHORTEST_NAME) {
      names.add(normalised);
    }
  }
}
