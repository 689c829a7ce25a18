package city.hotline.intake.complaint;

import city.hotline.support.validation.OneOf;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A call as the operator logs it (SPEC §7 POST /api/complaints). Channel and type default to a phone complaint.
 * {@code duplicateOf} names the open ticket the operator merges this call into (重复件) instead of dispatching it.
 * Channel, type and urgency arrive as names checked by {@link OneOf}, so an unknown one is reported with every
 * other broken rule of the call; once the call is valid, channel and type are read typed through the accessors below
 * and the urgency, stored and published by name, is passed on as it is. {@code smsOptOut} true: the caller wants no
 * texts (短信) about this call; left out of the JSON when absent, so older calls hash as they did (idempotency keys).
 */
public record RegistrationRequest(
    @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters") String callerName,
    @NotBlank(message = "is required")
        @Pattern(regexp = PHONE, message = "must be a Chinese mobile (11 digits, 1[3-9]…) or landline (0xx-xxxxxxxx) number")
        String callerPhone,
    boolean confidential,
    @OneOf(Channel.class) String channel,
    @OneOf(ComplaintType.class) String type,
    @NotBlank(message = "is required") String category,
    @NotNull(message = "is required") @OneOf(Urgency.class) String urgency,
    @NotBlank(message = "is required") String district,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String address,
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be 1 to 2000 characters") String description,
    @Size(max = 100, message = "must be at most 100 characters") String street,
    @Valid Location location,
    @Size(max = 10, message = "must list at most 10 attachments")
        List<@NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String> attachments,
    Boolean closeDirectly,
    @Size(max = 2000, message = "must be at most 2000 characters") String answer,
    @Size(max = 32, message = "must be a ticket number") String duplicateOf,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 32, message = "must be a knowledge article id")
        String knowledgeArticleId,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Valid Shown suggestion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean smsOptOut) {

  /** A call without the caller's choice about texts (短信): texts are sent unless the caller declines. */
  public RegistrationRequest(String callerName, String callerPhone, boolean confidential, String channel, String type,
      String category, String urgency, String district, String address, String description, String street,
      Location location, List<String> attachments, Boolean closeDirectly, String answer, String duplicateOf,
      String knowledgeArticleId, Shown suggestion) {
    this(callerName, callerPhone, confidential, channel, type, category, urgency, district, address, description,
        street, location, attachments, closeDirectly, answer, duplicateOf, knowledgeArticleId, suggestion, null);
  }

  /** A call as it was registered before 知识库 citations and suggestions. */
  public RegistrationRequest(String callerName, String callerPhone, boolean confidential, String channel, String type,
      String category, String urgency, String district, String address, String description, String street,
      Location location, List<String> attachments, Boolean closeDirectly, String answer, String duplicateOf) {
    this(callerName, callerPhone, confidential, channel, type, category, urgency, district, address, description,
        street, location, attachments, closeDirectly, answer, duplicateOf, null, null, null);
  }

  /** Says what the call is about, never who made it, so a call in a log never carries the caller's name or phone. */
  @Override
  public String toString() {
    return "RegistrationRequest[" + type + " " + category + " " + district + " " + urgency + "]";
  }

  /** Where the problem is, WGS-84 degrees. */
  public record Location(
      @NotNull(message = "is required") @DecimalMin(value = "-180", message = "must be between -180 and 180")
          @DecimalMax(value = "180", message = "must be between -180 and 180") Double longitude,
      @NotNull(message = "is required") @DecimalMin(value = "-90", message = "must be between -90 and 90")
          @DecimalMax(value = "90", message = "must be between -90 and 90") Double latitude) {}

  /**
   * The top suggestion the panel showed when the form was submitted (either may be null). Left out of the request's
   * JSON when absent, as {@code knowledgeArticleId} is, so a call sent without them hashes as it did before they
   * existed (idempotency keys).
   */
  public record Shown(@Size(max = 64, message = "must be a category code") String category,
      @Size(max = 64, message = "must be a district code") String district) {}

  /** The call answered with this text (a citation of the article it was answered from). */
  RegistrationRequest withAnswer(String text) {
    return new RegistrationRequest(callerName, callerPhone, confidential, channel, type, category, urgency, district,
        address, description, street, location, attachments, closeDirectly, text, duplicateOf, knowledgeArticleId,
        suggestion, smsOptOut);
  }

  /**
   * The call without what the panel showed: the suggestion records the panel, not the call, and a retry rebuilt by
   * the console may carry a newer one. Without it the request serialises exactly as one sent before suggestions.
   */
  RegistrationRequest withoutSuggestion() {
    return new RegistrationRequest(callerName, callerPhone, confidential, channel, type, category, urgency, district,
        address, description, street, location, attachments, closeDirectly, answer, duplicateOf, knowledgeArticleId,
        null, smsOptOut);
  }

  /** 直接办结: a consultation answered on the phone is closed at once and never dispatched. */
  boolean closesDirectly() {
    return Boolean.TRUE.equals(closeDirectly);
  }

  /** Mobile 1[3-9]x + 8 digits, or a landline with area code (0 + 2-3 digits) and 7-8 digits, dash optional. */
  static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

  Channel channelOrDefault() {
    return channel == null ? Channel.PHONE : Channel.valueOf(channel);
  }

  ComplaintType typeOrDefault() {
    return type == null ? ComplaintType.COMPLAINT : ComplaintType.valueOf(type);
  }
}
