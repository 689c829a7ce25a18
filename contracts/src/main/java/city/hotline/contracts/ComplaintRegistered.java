package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * 受理: a call was logged by intake. Carries the request itself, since dispatch never reads intake's store.
 *
 * @param closedDirectly a consultation answered on the phone (直接办结): counted, never dispatched
 * @param answer what the caller was told, when closed directly
 * @param street 街道, when the operator knows it
 * @param longitude WGS-84, with latitude, when the place was picked on a map
 * @param duplicateOf the open ticket this call repeats (重复件), merged at registration: counted, never dispatched
 * @param knowledgeArticleId the 知识库 article a consultation closed directly was answered from, else null
 * @param smsOptOut true when the caller declined texts (短信) about this call; null in events written before it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintRegistered(
    CaseFacts facts,
    String callerName,
    String callerPhone,
    boolean confidential,
    String channel,
    String type,
    String address,
    String description,
    String actor,
    boolean closedDirectly,
    String answer,
    String street,
    Double longitude,
    Double latitude,
    String duplicateOf,
    String knowledgeArticleId,
    Boolean smsOptOut) implements CaseEvent {

  /** A registration that records no choice about texts (events written before it read as null). */
  public ComplaintRegistered(CaseFacts facts, String callerName, String callerPhone, boolean confidential,
      String channel, String type, String address, String description, String actor, boolean closedDirectly,
      String answer, String street, Double longitude, Double latitude, String duplicateOf, String knowledgeArticleId) {
    this(facts, callerName, callerPhone, confidential, channel, type, address, description, actor, closedDirectly,
        answer, street, longitude, latitude, duplicateOf, knowledgeArticleId, null);
  }

  /** A registration that cites no knowledge article (an optional field: events written before it read as null). */
  public ComplaintRegistered(CaseFacts facts, String callerName, String callerPhone, boolean confidential,
      String channel, String type, String address, String description, String actor, boolean closedDirectly,
      String answer, String street, Double longitude, Double latitude, String duplicateOf) {
    this(facts, callerName, callerPhone, confidential, channel, type, address, description, actor, closedDirectly,
        answer, street, longitude, latitude, duplicateOf, null, null);
  }

  /** Neither closed on the phone nor merged into another ticket: a case for a unit to work. */
  public boolean needsDispatch() {
    return !closedDirectly && duplicateOf == null;
  }
}
