package city.hotline.dispatch.casework;

/** Where a unit's request for more time (延期) stands. */
public enum ExtensionStatus {
  PENDING, // waiting for the dispatch desk
  APPROVED, // the resolve deadline moved
  REJECTED,
  WITHDRAWN // the case left the unit (returned or resolved) while the request was pending
}
