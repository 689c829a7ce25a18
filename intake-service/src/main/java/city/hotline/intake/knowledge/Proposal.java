package city.hotline.intake.knowledge;

import city.hotline.support.web.ApiException;
import java.time.Instant;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A bureau's proposal (建议): a new article, or a correction of one of its own unit's articles, which an editor
 * accepts (as a new draft, or as the article's next version) or rejects with a reason. Decided once: each decision is
 * written only while the proposal is still pending.
 *
 * @param articleId the article it corrects; for a new one, the id its acceptance reserved and created (null before)
 * @param correction whether it corrects an existing article
 * @param content what the bureau proposes, its unit as the unit
 * @param resultVersion the article's version that its acceptance wrote
 */
public record Proposal(
    @BsonId String id,
    @BsonProperty(Proposal.ARTICLE_ID) String articleId,
    boolean correction,
    @BsonProperty(Proposal.UNIT_ID) String unitId,
    ArticleContent content,
    String note,
    @BsonProperty(Proposal.STATUS) ProposalStatus status,
    String proposedBy,
    @BsonProperty(Proposal.PROPOSED_AT) Instant proposedAt,
    String decidedBy,
    Instant decidedAt,
    String reason,
    Integer resultVersion) {

  public static final String ID = "_id";
  public static final String ARTICLE_ID = "articleId";
  public static final String UNIT_ID = "unitId";
  public static final String STATUS = "status";
  public static final String PROPOSED_AT = "proposedAt";
  static final int MAX_NOTE = 500;
  static final int MAX_REASON = 500;

  public static Proposal of(String id, String articleId, String unitId, ArticleContent content, String note, String by,
      Instant at) {
    return new Proposal(id, articleId, articleId != null, unitId, content, note, ProposalStatus.PENDING, by, at, null,
        null, null, null);
  }

  /** Accepted: the article it became (or corrected) at that version. @throws ApiException 409 unless pending */
  public Proposal accept(String article, int version, String by, Instant at) {
    requirePending();
    return new Proposal(id, article, correction, unitId, content, note, ProposalStatus.ACCEPTED, proposedBy,
        proposedAt, by, at, null, version);
  }

  /** Rejected, with the reason the bureau reads. @throws ApiException 409 unless pending */
  public Proposal reject(String why, String by, Instant at) {
    requirePending();
    return new Proposal(id, articleId, correction, unitId, content, note, ProposalStatus.REJECTED, proposedBy,
        proposedAt, by, at, why, null);
  }

  /** What the article's version written from this proposal says of it; the same on every attempt to accept it. */
  String versionNote() {
    return "proposal " + id + " of " + unitId + " by " + proposedBy;
  }

  public void requirePending() {
    if (status != ProposalStatus.PENDING) {
      throw ApiException.conflict("proposal " + id + " is " + status + " already; only a pending one can be decided",
          Map.of("status", status.name()));
    }
  }
}
