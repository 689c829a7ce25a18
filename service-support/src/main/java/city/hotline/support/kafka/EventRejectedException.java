package city.hotline.support.kafka;

/** A record no retry can fix (malformed, unknown type, newer schema): it goes straight to the dead-letter topic. */
public class EventRejectedException extends RuntimeException {
  public EventRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
