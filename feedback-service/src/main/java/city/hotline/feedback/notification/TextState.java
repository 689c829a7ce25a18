package city.hotline.feedback.notification;

/** Where a text (短信) stands in the outbox. */
public enum TextState {
  /** Waiting to be sent (at its {@code dueAt}: at once, or after a failure or while its rating link waits). */
  PENDING,
  /** Claimed by one replica's sender until its {@code dueAt}; a sender that died leaves it to be claimed again. */
  SENDING,
  /** The SMS centre accepted it: its message ids are kept, receipts follow. */
  SENT,
  /** Nobody to text (confidential, declined, opted out, not a mobile, the visit already over): never sent. */
  SKIPPED,
  /** Given up after the allowed attempts or the longest wait. */
  FAILED
}
