package city.hotline.intake.webhook;

/** Where a delivery stands. */
public enum DeliveryState {
  /** To be sent (again), once the ones before it on its ticket are delivered. */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Given up after hotline.webhooks.give-up-after, or waiting behind one that was: an admin may redeliver it. */
  PARKED,
  /** Never to be sent: its webhook was deleted or its partner revoked. */
  CANCELLED
}
