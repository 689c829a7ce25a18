package city.hotline.intake.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A proposal as the API shows it.
 *
 * @param articleId the article it corrects, or (once accepted) the article it became; null for a new one pending
 */
public record ProposalView(String id, String articleId, boolean correction, String unitId, String title,
    List<String> questions, String answer, String source, String category, String note, ProposalStatus status,
    String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String reason, Integer resultVersion) {

  static ProposalView of(Proposal p) {
    ArticleContent c = p.content();
    return new ProposalView(p.id(), p.articleId(), p.correction(), p.unitId(), c.title(), c.questions(), c.answer(),
        c.source(), c.category(), p.note(), p.status(), p.proposedBy(), p.proposedAt(), p.decidedBy(), p.decidedAt(),
        p.reason(), p.resultVersion());
  }
}
