package city.hotline.intake.knowledge;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * 知识库 use cases: editors write, publish and retire articles and decide bureaus' proposals; every write goes to the
 * store (guarded by version or status) and then to this replica's index, so the writer finds it at once and the
 * other replicas at their next poll.
 */
@Service
public class KnowledgeService {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

  private final ArticleRepository articles;
  private final ProposalRepository proposals;
  private final KnowledgeIds ids;
  private final KnowledgeIndex index;
  private final ReferenceData reference;
  private final Clock clock;

  public KnowledgeService(ArticleRepository articles, ProposalRepository proposals, KnowledgeIds ids,
      KnowledgeIndex index, ReferenceData reference, Clock clock) {
    this.articles = articles;
    this.proposals = proposals;
    this.ids = ids;
    this.index = index;
    this.reference = reference;
    this.clock = clock;
  }

  /** Editors see every article; everyone else only those in force now, and no other article exists for them. */
  public Optional<Article> read(String id, Caller caller) {
    Instant now = clock.instant();
    return articles.find(id).filter(article -> isEditor(caller) || article.inForce(now));
  }

  public Article create(ArticleContent content, Caller caller) {
    Article article = Article.create(ids.nextArticle(), content.validated(reference::isCategory), caller.actor(),
        clock.instant(), null);
    articles.insert(article);
    index.put(article);
    log.info("knowledge article created articleId={}", article.id());
    return article;
  }

  public Article edit(String id, ArticleContent content, int basedOn, Caller caller) {
    ArticleContent valid = content.validated(reference::isCategory);
    return change(id, basedOn, article -> article.edit(valid, basedOn, caller.actor(), clock.instant(), null));
  }

  public Article publish(String id, Integer basedOn, Caller caller) {
    return change(id, basedOn, article -> article.publish(basedOn, caller.actor(), clock.instant()));
  }

  public Article retire(String id, Integer basedOn, Caller caller) {
    return change(id, basedOn, article -> article.retire(basedOn, caller.actor(), clock.instant()));
  }

  /**
   * A bureau's proposal for its own unit: a new article, or a correction of one of its unit's articles in force.
   *
   * @throws ErrorResponseException 403 for a caller with no unit or another unit's article in force
   * @throws ApiException 404 for an article the caller cannot read (none, or not in force)
   */
  public Proposal propose(ProposalRequest request, Caller caller) {
    if (caller.unitId() == null) {
      throw forbidden("Only a bureau user with a unit may propose knowledge articles");
    }
    ArticleContent content = request.content(caller.unitId()).normalized();
    List<FieldProblem> errors = new java.util.ArrayList<>(content.problems(reference::isCategory));
    String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
    if (note != null && note.length() > Proposal.MAX_NOTE) {
      errors.add(new FieldProblem("note", "must be at most " + Proposal.MAX_NOTE + " characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (request.articleId() != null) {
      // Only an article in force: a bureau reads no other (404 as for any reader, so another unit's draft stays
      // unknown), and a retired article can never take a correction.
      Article corrected = read(request.articleId(), caller)
          .orElseThrow(() -> ApiException.notFound("Article", request.articleId()));
      if (!caller.unitId().equals(corrected.content().unitId())) {
        throw forbidden("Article " + corrected.id() + " is not an article of unit " + caller.unitId()
            + "; a bureau proposes corrections of its own unit's articles only");
      }
    }
    Proposal proposal = Proposal.of(ids.nextProposal(), request.articleId(), caller.unitId(), content, note,
        caller.actor(), clock.instant());
    proposals.insert(proposal);
    log.info("knowledge proposal made proposalId={} unitId={}", proposal.id(), proposal.unitId());
    return proposal;
  }

  /**
   * Accepts a proposal: a new draft article, or the corrected article's next version (its unit and validity kept).
   * Three single-document writes, each safe to repeat, so an editor who retries after a crash between them finishes the
   * same acceptance instead of making a second article or a second version: a new article's id is reserved on the
   * proposal first, the article is inserted under it only if absent, and a correction is not written again when the
   * article's newest version already came from this proposal.
   */
  public Proposal accept(String proposalId, Caller caller) {
    Proposal proposal = proposal(proposalId);
    proposal.requirePending();
    Instant now = clock.instant();
    String note = proposal.versionNote();
    Article result;
    if (proposal.correction()) {
      Article current = articles.find(proposal.articleId())
          .orElseThrow(() -> ApiException.notFound("Article", proposal.articleId()));
      ArticleContent corrected = proposal.content().withScope(current.content().unitId(),
          current.content().validFrom(), current.content().validUntil());
      result = current.latestNoteIs(note) ? current : change(current.id(), current.version(),
          article -> article.edit(corrected, current.version(), caller.actor(), now, note));
    } else {
      Article created = Article.create(reservedArticle(proposal), proposal.content(), caller.actor(), now, note);
      if (articles.insert(created)) {
        index.put(created);
      }
      result = created; // or the same acceptance's earlier insert: version 1 either way
    }
    return decide(proposal.accept(result.id(), result.version(), caller.actor(), now));
  }

  /** The id a new-article proposal's article gets: reserved once on the proposal, the same for every retry. */
  private String reservedArticle(Proposal proposal) {
    if (proposal.articleId() != null) {
      return proposal.articleId();
    }
    String id = ids.nextArticle();
    if (proposals.reserveArticle(proposal.id(), id)) {
      return id;
    }
    Proposal meanwhile = proposal(proposal.id()); // another editor's accept reserved one first
    meanwhile.requirePending();
    return meanwhile.articleId();
  }

  public Proposal reject(String proposalId, String reason, Caller caller) {
    String why = reason == null ? null : reason.strip();
    if (why == null || why.isEmpty()) {
      throw ApiException.invalid(List.of(new FieldProblem("reason", "is required: the bureau reads why")));
    }
    if (why.length() > Proposal.MAX_REASON) {
      throw ApiException.invalid(List.of(new FieldProblem("reason",
          "must be at most " + Proposal.MAX_REASON + " characters")));
    }
    return decide(proposal(proposalId).reject(why, caller.actor(), clock.instant()));
  }

  /** Editors list every unit's proposals, a bureau its own unit's. */
  public ProposalRepository.Page proposals(ProposalStatus status, Caller caller, int page, int size) {
    String unit = isEditor(caller) ? null : caller.unitId();
    if (!isEditor(caller) && unit == null) {
      throw forbidden("Only editors and bureau users with a unit may list proposals");
    }
    return proposals.page(status, unit, page, size);
  }

  public static boolean isEditor(Caller caller) {
    return caller.has(Role.KNOWLEDGE_EDITOR);
  }

  /**
   * Decides a change on the article as stored, and writes it only while that version is still stored.
   *
   * @param basedOn the version the editor read, or null to change the current one
   */
  private Article change(String id, Integer basedOn, UnaryOperator<Article> rule) {
    Article current = articles.find(id).orElseThrow(() -> ApiException.notFound("Article", id));
    Article next = rule.apply(current);
    if (!articles.replace(next, current.version())) {
      int now = articles.find(id).map(Article::version).orElse(current.version());
      throw Article.stale(id, now, basedOn == null ? current.version() : basedOn);
    }
    index.put(next);
    log.info("knowledge article changed articleId={} version={} status={}", id, next.version(), next.status());
    return next;
  }

  private Proposal proposal(String id) {
    return proposals.find(id).orElseThrow(() -> ApiException.notFound("Proposal", id));
  }

  private Proposal decide(Proposal decided) {
    if (!proposals.decide(decided)) {
      throw ApiException.conflict("proposal " + decided.id() + " was decided meanwhile by another editor");
    }
    log.info("knowledge proposal decided proposalId={} status={}", decided.id(), decided.status());
    return decided;
  }

  static ErrorResponseException forbidden(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    problem.setTitle("Forbidden");
    return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
  }
}
