package city.hotline.intake.knowledge;

import city.hotline.support.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * A knowledge article (知识条目), the knowledge base's aggregate, stored as one document through the driver's record
 * codec. It owns its rules: every edit and status change is a new version with who and when; an edit based on an
 * older version is refused (409) so no editor silently overwrites a colleague; a retired article is history and
 * cannot be edited or published again. Each rule returns the article as it is to be written; {@link ArticleRepository}
 * writes it only while the stored version is still the one it was decided on.
 *
 * @param version 1 when created, one more with every change
 * @param updatedAt when the last change was made (the service's clock)
 * @param changedAt when it was last written (the writing machine's clock), so other replicas find it by polling
 * @param versions every version, oldest first
 */
public record Article(
    @BsonId String id,
    ArticleContent content,
    @BsonProperty(Article.STATUS) ArticleStatus status,
    @BsonProperty(Article.VERSION) int version,
    Instant updatedAt,
    String updatedBy,
    @BsonProperty(Article.CHANGED_AT) Instant changedAt,
    @BsonProperty(Article.VERSIONS) List<ArticleVersion> versions) {

  public static final String ID = "_id";
  public static final String STATUS = "status";
  public static final String VERSION = "version";
  public static final String CHANGED_AT = "changedAt";
  public static final String VERSIONS = "versions";

  public static final String CREATED = "CREATED";
  public static final String EDITED = "EDITED";
  public static final String PUBLISHED = "PUBLISHED";
  public static final String RETIRED = "RETIRED";
  public static final String SEEDED = "SEEDED";

  /** A new article, version 1, a draft until an editor publishes it. */
  public static Article create(String id, ArticleContent content, String by, Instant at, String note) {
    return first(id, content, ArticleStatus.DRAFT, by, at, CREATED, note);
  }

  /** A seeded article: published from its first version, as the city's own answers are. */
  public static Article seeded(String id, ArticleContent content, Instant at) {
    return first(id, content, ArticleStatus.PUBLISHED, "system", at, SEEDED, null);
  }

  private static Article first(String id, ArticleContent content, ArticleStatus status, String by, Instant at,
      String action, String note) {
    ArticleVersion v1 = new ArticleVersion(1, at, by, action, content, status, note);
    return new Article(id, content, status, 1, at, by, null, List.of(v1));
  }

  /**
   * "In force" (现行有效): published, and now is within its validity. Only an article in force is shown to anyone
   * but an editor, suggested to an operator or cited when a consultation is closed at the call.
   */
  public boolean inForce(Instant now) {
    return status == ArticleStatus.PUBLISHED && content.validAt(now);
  }

  /**
   * A new version with this content, keeping the status.
   *
   * @param basedOn the version the editor read (If-Match)
   * @throws ApiException 409 when the article changed since, or is retired
   */
  public Article edit(ArticleContent next, int basedOn, String by, Instant at, String note) {
    requireVersion(basedOn);
    if (status == ArticleStatus.RETIRED) {
      throw ApiException.conflict("article " + id + " is retired and can no longer be edited; write a new article",
          Map.of("status", status.name(), "currentVersion", version));
    }
    return next(next, status, by, at, EDITED, note);
  }

  /** Publishes a draft (发布). @throws ApiException 409 from any other status */
  public Article publish(Integer basedOn, String by, Instant at) {
    if (basedOn != null) {
      requireVersion(basedOn);
    }
    if (status != ArticleStatus.DRAFT) {
      throw ApiException.conflict("article " + id + " is " + status + "; only a draft can be published",
          Map.of("status", status.name(), "currentVersion", version));
    }
    return next(content, ArticleStatus.PUBLISHED, by, at, PUBLISHED, null);
  }

  /** Retires a draft or a published article (停用) for good. @throws ApiException 409 when it is retired already */
  public Article retire(Integer basedOn, String by, Instant at) {
    if (basedOn != null) {
      requireVersion(basedOn);
    }
    if (status == ArticleStatus.RETIRED) {
      throw ApiException.conflict("article " + id + " is retired already",
          Map.of("status", status.name(), "currentVersion", version));
    }
    return next(content, ArticleStatus.RETIRED, by, at, RETIRED, null);
  }

  /** Refuses (409) a change based on another version than the current one. */
  public void requireVersion(int basedOn) {
    if (basedOn != version) {
      throw stale(id, version, basedOn);
    }
  }

  static ApiException stale(String id, int current, int basedOn) {
    return ApiException.conflict("article " + id + " is at version " + current + ", not " + basedOn
        + ": someone changed it meanwhile; reload it and try again", Map.of("currentVersion", current));
  }

  public List<ArticleVersion> history() {
    return Objects.requireNonNullElse(versions, List.of());
  }

  /** Whether its newest version carries this note: the change that note names is written already. */
  boolean latestNoteIs(String note) {
    List<ArticleVersion> history = history();
    return !history.isEmpty() && note.equals(history.get(history.size() - 1).note());
  }

  /** The same article as last written at {@code at}. */
  Article writtenAt(Instant at) {
    return new Article(id, content, status, version, updatedAt, updatedBy, at, versions);
  }

  private Article next(ArticleContent next, ArticleStatus nextStatus, String by, Instant at, String action,
      String note) {
    int nextVersion = version + 1;
    List<ArticleVersion> all = new ArrayList<>(history());
    all.add(new ArticleVersion(nextVersion, at, by, action, next, nextStatus, note));
    return new Article(id, next, nextStatus, nextVersion, at, by, changedAt, List.copyOf(all));
  }
}
