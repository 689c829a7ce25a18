package city.hotline.intake.open311;

import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.WorkOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Free text of a work order as partners may read it: the names of its callers and anything that looks like a phone
 * number are blotted out, whatever the caller or a unit wrote. A name of one character is left (it would blot out
 * ordinary words); ticket numbers (letters then digits) are left.
 */
final class PublicText {
  static final String BLOT = "***";
  /** Seven or more digits, spaces or dashes between them allowed, optionally after +86: a phone number. */
  private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\dA-Za-z])(?:\\+?86[- ]?)?\\d(?:[- ]?\\d){6,}(?!\\d)");
  private static final int SHORTEST_NAME = 2;

  private PublicText() {}

  static String scrub(String text, WorkOrder order) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String name : names(order)) {
      scrubbed = scrubbed.replace(name, BLOT);
    }
    return PHONE_LIKE.matcher(scrubbed).replaceAll(BLOT);
  }

  private static List<String> names(WorkOrder order) {
    List<String> names = new ArrayList<>();
    add(names, order.callerName());
    order.extraCallers().stream().map(ComplaintView.DuplicateCall::callerName).forEach(name -> add(names, name));
    return names;
  }

  private static void add(List<String> names, String name) {
    if (name != null && name.strip().length() >= SHORTEST_NAME) {
      names.add(name.strip());
    }
  }
}
