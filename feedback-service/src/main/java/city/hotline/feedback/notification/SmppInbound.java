package city.hotline.feedback.notification;

/** What an SMS centre sends back on a transceiver connection. */
interface SmppInbound {

  /** A delivery receipt (回执) for a message this service submitted: DELIVRD, UNDELIV, EXPIRED, REJECTD… */
  void receipt(String messageId, String state, String error);

  /** A citizen's reply (上行短信), e.g. TD (退订). */
  void reply(String fromNumber, String text);
}
