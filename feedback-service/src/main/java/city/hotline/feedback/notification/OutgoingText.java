package city.hotline.feedback.notification;

/** A text ready to go: to this mobile number, about this ticket. */
record OutgoingText(String ticketId, TextKind kind, String mobile, String body) {

  /** Never the number or the body (a resolution text holds a usable rating link). */
  @Override
  public String toString() {
    return "OutgoingText[" + ticketId + " " + kind.template() + " " + body.length() + " chars]";
  }
}
