package city.hotline.feedback.alert;

/** Where a surge alert (突发预警) stands: OPEN → ACKNOWLEDGED → ENDED, or OPEN → ENDED. */
public enum AlertState {
  /** Detected, nobody has taken it on yet. */
  OPEN,
  /** Someone at the desk or the leadership has taken it on (已确认); the surge still lasts. */
  ACKNOWLEDGED,
  /** The calls fell back below the line. */
  ENDED
}
