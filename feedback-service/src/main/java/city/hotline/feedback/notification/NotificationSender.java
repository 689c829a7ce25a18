package city.hotline.feedback.notification;

import java.util.List;

/** Hands a text to whatever delivers it: a log line ({@link LogOnlySender}) or an SMS centre ({@link SmppSender}). */
interface NotificationSender {

  /**
   * @return the message ids the deliverer gave the text, one per segment
   * @throws SendFailure when it was not taken (the outbox tries again later)
   */
  List<String> send(OutgoingText text) throws SendFailure;

  /** The text was not taken; the message says why, never the number or the body. */
  class SendFailure extends Exception {
    SendFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
