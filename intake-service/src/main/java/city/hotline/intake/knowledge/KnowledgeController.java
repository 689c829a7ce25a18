package city.hotline.intake.knowledge;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.IfMatch;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 知识库 API: search and read for everyone signed in, articles for editors ({@code If-Match} on edits), proposals from
 * bureaus. Roles are checked twice: by the gateway and by {@link KnowledgeAccess} here.
 */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {
  private final KnowledgeService knowledge;
  private final KnowledgeIndex index;
  private final ReferenceData reference;
  private final Clock clock;

  KnowledgeController(KnowledgeService knowledge, KnowledgeIndex index, ReferenceData reference, Clock clock) {
    this.knowledge = knowledge;
    this.index = index;
    this.reference = reference;
    this.clock = clock;
  }

  /** Ranked by the words ({@code q}), else newest change first; non-editors see articles in force only. */
  @GetMapping("/articles")
  KnowledgePage<ArticleHit> search(@RequestParam Map<String, String> params) {
    return index.search(KnowledgeParameters.search(params, reference, KnowledgeService.isEditor(Caller.current())));
  }

  @GetMapping("/articles/{id}")
  ResponseEntity<ArticleView> read(@PathVariable String id) {
    Article article = knowledge.read(id, Caller.current()).orElseThrow(() -> ApiException.notFound("Article", id));
    return ResponseEntity.ok().eTag(IfMatch.etag(article.version())).body(ArticleView.of(article, clock.instant()));
  }

  @PostMapping("/articles")
  ResponseEntity<State> create(@RequestBody ArticleContent content) {
    Article article = knowledge.create(content, Caller.current());
    return ResponseEntity.created(URI.create("/api/knowledge/articles/" + article.id()))
        .eTag(IfMatch.etag(article.version())).body(State.of(article));
  }

  @PutMapping("/articles/{id}")
  ResponseEntity<State> edit(@PathVariable String id, @RequestBody ArticleContent content,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    Integer basedOn = KnowledgeParameters.version(ifMatch);
    if (basedOn == null) {
      throw preconditionRequired();
    }
    return written(knowledge.edit(id, content, basedOn, Caller.current()));
  }

  @PostMapping("/articles/{id}/publish")
  ResponseEntity<State> publish(@PathVariable String id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    return written(knowledge.publish(id, KnowledgeParameters.version(ifMatch), Caller.current()));
  }

  @PostMapping("/articles/{id}/retire")
  ResponseEntity<State> retire(@PathVariable String id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    return written(knowledge.retire(id, KnowledgeParameters.version(ifMatch), Caller.current()));
  }

  @PostMapping("/proposals")
  ResponseEntity<Map<String, Object>> propose(@RequestBody ProposalRequest request) {
    Proposal proposal = knowledge.propose(request, Caller.current());
    return ResponseEntity.created(URI.create("/api/knowledge/proposals/" + proposal.id()))
        .body(Map.of("id", proposal.id(), "status", proposal.status()));
  }

  @GetMapping("/proposals")
  KnowledgePage<ProposalView> proposals(@RequestParam Map<String, String> params) {
    KnowledgeParameters.ProposalList list = KnowledgeParameters.proposals(params);
    ProposalRepository.Page page = knowledge.proposals(list.status(), Caller.current(), list.page(), list.size());
    return new KnowledgePage<>(page.items().stream().map(ProposalView::of).toList(), list.page(), list.size(),
        page.total());
  }

  @PostMapping("/proposals/{id}/accept")
  Map<String, Object> accept(@PathVariable String id) {
    Proposal accepted = knowledge.accept(id, Caller.current());
    return Map.of("id", accepted.id(), "status", accepted.status(), "articleId", accepted.articleId(),
        "version", accepted.resultVersion());
  }

  @PostMapping("/proposals/{id}/reject")
  Map<String, Object> reject(@PathVariable String id, @RequestBody Rejection rejection) {
    Proposal rejected = knowledge.reject(id, rejection.reason(), Caller.current());
    return Map.of("id", rejected.id(), "status", rejected.status());
  }

  /** The body of a rejection: why, for the bureau. */
  record Rejection(String reason) {}

  /** What a write answers: the article's id, version and status. */
  record State(String id, int version, ArticleStatus status) {
    static State of(Article article) {
      return new State(article.id(), article.version(), article.status());
    }
  }

  private static ResponseEntity<State> written(Article article) {
    return ResponseEntity.ok().eTag(IfMatch.etag(article.version())).body(State.of(article));
  }

  /** 428: an edit must say which version it was made on, or it could silently overwrite a colleague's. */
  private static ErrorResponseException preconditionRequired() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
        "An edit needs the header " + IfMatch.HEADER + ": \"<version>\" with the version it was made on"
            + " (the article's ETag)");
    problem.setTitle("Precondition required");
    return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
  }
}
