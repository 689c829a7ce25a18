package city.hotline.support.kafka;

/**
 * An event about a ticket this service's database does not hold yet, but will: after a restore the events
 * that rebuild the ticket and the events that follow it are replayed by different consumers, in no fixed
 * order. Retried with a growing pause for {@code hotline.kafka.await-ticket-max}, then dead-lettered with
 * this message, so a ticket that never comes is seen rather than dropped.
 */
public class EventNotYetApplicableException extends RuntimeException {
  public EventNotYetApplicableException(String message) {
    super(message);
  }
}
