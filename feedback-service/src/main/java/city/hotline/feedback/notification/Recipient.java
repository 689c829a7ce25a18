package city.hotline.feedback.notification;

import city.hotline.contracts.ComplaintRegistered;
import java.time.Instant;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * Whom a ticket's texts go to, as registered (one document per ticket in {@code sms_recipients}): the caller's
 * number, whether the caller is confidential (保密) and whether the caller declined texts at the call. The number is
 * dropped once the case's closing text is done, and the whole entry {@code hotline.sms.keep} after the registration.
 *
 * @param notedAt when the call was registered (the event's time, so reading it again does not prolong the entry)
 */
public record Recipient(@BsonId String ticketId, String phone, boolean confidential, boolean declined,
    @BsonProperty(Recipient.NOTED_AT) Instant notedAt) {
  static final String PHONE = "phone";
  static final String NOTED_AT = "notedAt";

  static Recipient of(String ticketId, ComplaintRegistered call, Instant registeredAt) {
    return new Recipient(ticketId, call.callerPhone(), call.confidential(), Boolean.TRUE.equals(call.smsOptOut()),
        registeredAt);
  }

  /** Why no text goes to this caller, if none does; {@code optedOut} when the number replied TD (退订). */
  Optional<String> refusal(boolean optedOut) {
    if (confidential) {
      return Optional.of("CONFIDENTIAL");
    }
    if (declined) {
      return Optional.of("DECLINED_AT_CALL");
    }
    if (mobile().isEmpty()) {
      return Optional.of("NOT_A_MOBILE");
    }
    return optedOut ? Optional.of("OPTED_OUT") : Optional.empty();
  }

  Optional<String> mobile() {
    return MobileNumbers.normalize(phone);
  }

  /** Never the number: a recipient in a log or an exception says only whether there is one. */
  @Override
  public String toString() {
    return "Recipient[" + ticketId + (phone == null ? " no phone" : " phone kept") + (confidential ? " confidential" : "")
        + (declined ? " declined" : "") + "]";
  }
}
