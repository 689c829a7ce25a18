package city.hotline.feedback.notification;

import java.util.List;

/** Hands a text to whatever delivers it: a log line ({@link LogOnlySender}) or an SMS centre ({@link SmppSender}). */
interface NotificationSender {

  /**
   * @return the message ids the deliverer gave the text, one per segment
   * @throws CentreUnavailable when the deliverer could not be reached at all (the text's attempts are not counted)
   * @throws SendFailure when the deliverer refused the text or did not answer (the outbox tries again later)
   */
  List<String> send(OutgoingText text) throws SendFailure;

  /** Whether texts can be handed over now (the SMS centre is bound); the outbox claims none while not. */
  boolean ready();

  /** The text was not taken; the message says why, never the number or the body. */
  class SendFailure extends Exception {
    SendFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The deliverer could not be reached (connection or bind failed): no fault of the text's, so no attempt counted. */
  class CentreUnavailable extends SendFailure {
    CentreUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
