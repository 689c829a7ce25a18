package city.hotline.intake.knowledge;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** Bureaus' proposals (建议) by id; a decision is written only while the proposal is still pending. */
@Repository
public class ProposalRepository {
  public static final String COLLECTION = "knowledge_proposals";

  private final MongoCollection<Proposal> proposals;

  public ProposalRepository(MongoDatabase database) {
    this.proposals = database.getCollection(COLLECTION, Proposal.class);
    // the editors' and a bureau's lists: by status (and unit), newest first
    proposals.createIndex(Indexes.compoundIndex(Indexes.ascending(Proposal.STATUS, Proposal.UNIT_ID),
        Indexes.descending(Proposal.PROPOSED_AT)));
    proposals.createIndex(Indexes.compoundIndex(Indexes.ascending(Proposal.UNIT_ID),
        Indexes.descending(Proposal.PROPOSED_AT)));
  }

  public void insert(Proposal proposal) {
    proposals.insertOne(proposal);
  }

  public Optional<Proposal> find(String id) {
    return Optional.ofNullable(proposals.find(Filters.eq(Proposal.ID, id)).first());
  }

  /** @return false when it was decided meanwhile */
  /**
   * Reserves the id of the article a new-article proposal becomes, once: only while it is pending and has none.
   *
   * @return false when it is no longer pending or another acceptance reserved one first
   */
  public boolean reserveArticle(String proposalId, String articleId) {
    return proposals.updateOne(Filters.and(Filters.eq(Proposal.ID, proposalId),
        Filters.eq(Proposal.STATUS, ProposalStatus.PENDING), Filters.eq(Proposal.ARTICLE_ID, null)),
        Updates.set(Proposal.ARTICLE_ID, articleId)).getMatchedCount() > 0;
  }

  public boolean decide(Proposal decided) {
    return proposals.replaceOne(Filters.and(Filters.eq(Proposal.ID, decided.id()),
        Filters.eq(Proposal.STATUS, ProposalStatus.PENDING)), decided).getMatchedCount() > 0;
  }

  /**
   * One page of the proposals with this status (any when null) of this unit (any when null), newest first.
   *
   * @return the page and how many match
   */
  public Page page(ProposalStatus status, String unitId, int page, int size) {
    List<Bson> filters = new ArrayList<>();
    if (status != null) {
      filters.add(Filters.eq(Proposal.STATUS, status));
    }
    if (unitId != null) {
      filters.add(Filters.eq(Proposal.UNIT_ID, unitId));
    }
    Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
    List<Proposal> items = proposals.find(filter).sort(Sorts.descending(Proposal.PROPOSED_AT, Proposal.ID))
        .skip(page * size).limit(size).into(new ArrayList<>());
    return new Page(items, proposals.countDocuments(filter));
  }

  public record Page(List<Proposal> items, long total) {}
}
