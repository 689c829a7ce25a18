package city.hotline.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The knowledge base on the store the services use: two replicas, the seed, stale edits and proposals. */
class KnowledgeStoreTest {
  private static final Caller EDITOR = new Caller("editor", "孙丽", Set.of(Role.KNOWLEDGE_EDITOR), null);
  private static final Caller JIANGAN = new Caller("bureau-jiangan", "江岸城管", Set.of(Role.BUREAU), "JIANGAN_CGJ");
  private static final Caller WUCHANG = new Caller("bureau-wuchang", "武昌城管", Set.of(Role.BUREAU), "WUCHANG_CGJ");
  private static final KnowledgeSettings FAST = new KnowledgeSettings(Duration.ofMillis(100), Duration.ofSeconds(30),
      false, 32);

  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final MongoDatabase database = client.getDatabase("knowledge");
  private final Clock clock = Clock.systemUTC();
  private final ArticleRepository articles = new ArticleRepository(database);
  private final Replica one = new Replica();
  private final Replica two = new Replica();

  /** One intake replica's index, its sync with the store and its service. */
  private final class Replica {
    final KnowledgeIndex index = new KnowledgeIndex(clock, FAST);
    final KnowledgeSeed seed = new KnowledgeSeed(articles, Articles.REFERENCE_WITH_ALL, clock);
    final KnowledgeSync sync = new KnowledgeSync(articles, index, seed, FAST);
    final KnowledgeService service = new KnowledgeService(articles, new ProposalRepository(database),
        new KnowledgeIds(database), index, Articles.REFERENCE, clock);
  }

  @AfterEach
  void close() throws Exception {
    for (Replica replica : List.of(one, two)) {
      replica.sync.stop();
      replica.index.close();
    }
    client.close();
    server.close();
  }

  @Test
  void aWriteThroughOneReplicaIsFoundByTheOtherAfterItsPoll() {
    one.sync.start();
    two.sync.start();

    Article draft = one.service.create(Articles.gasLeak(), EDITOR);
    one.service.publish(draft.id(), 1, EDITOR);

    assertThat(one.index.citable(draft.id())).isPresent(); // the writer at once
    await().atMost(Duration.ofSeconds(10)).until(() -> two.index.citable(draft.id()).isPresent());
    assertThat(two.index.matching("煤气味道", 5)).extracting(KnowledgeLookup.ArticleMatch::id).containsExactly(draft.id());

    one.service.retire(draft.id(), null, EDITOR);
    await().atMost(Duration.ofSeconds(10)).until(() -> two.index.citable(draft.id()).isEmpty());
    assertThat(two.index.search(new ArticleSearch("煤气", null, null, null, true, 0, 20)).total()).isZero();
  }

  @Test
  void theSeedIsWrittenOnceHoweverManyReplicasStart() {
    int seeded = KnowledgeSeed.read().size();

    assertThat(one.seed.write()).isEqualTo(seeded);
    assertThat(two.seed.write()).isZero();
    one.sync.runNow();

    assertThat(articles.count()).isEqualTo(seeded);
    assertThat(seeded).isBetween(30, 40);
    assertThat(one.index.size()).isEqualTo(seeded);
    // a seeded answer found by a caller's words
    assertThat(one.index.matching("楼下天天有人摆摊卖菜", 3)).first()
        .extracting(KnowledgeLookup.ArticleMatch::title).isEqualTo("占道经营、流动摊贩的管理规定");
    assertThat(one.index.matching("厨房里一股煤气的臭味", 3)).first()
        .extracting(KnowledgeLookup.ArticleMatch::title).isEqualTo("闻到燃气味（燃气泄漏）怎么办");
  }

  @Test
  void twoEditorsOnTheSameVersionTheSecondGetsAConflict() {
    Article draft = one.service.create(Articles.gasLeak(), EDITOR);
    one.service.edit(draft.id(), Articles.withAnswer(Articles.gasLeak(), "第一位编辑的答复"), 1, EDITOR);

    assertThatThrownBy(() -> two.service.edit(draft.id(), Articles.withAnswer(Articles.gasLeak(), "第二位"), 1, EDITOR))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.properties()).containsEntry("currentVersion", 2);
        });
    assertThat(articles.find(draft.id()).orElseThrow().content().answer()).isEqualTo("第一位编辑的答复");
  }

  @Test
  void aBureauCorrectsOnlyItsOwnUnitsArticleAndTheEditorDecides() {
    Article vending = one.service.create(Articles.vending(), EDITOR); // JIANGAN_CGJ's
    one.service.publish(vending.id(), null, EDITOR);
    ProposalRequest correction = new ProposalRequest(vending.id(), "占道经营的管理规定（更正）", List.of("门口摆摊"),
        "更正后的答复", null, "STREET_VENDING", "疏导点已搬迁");

    assertThatThrownBy(() -> one.service.propose(correction, WUCHANG))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    Proposal proposed = one.service.propose(correction, JIANGAN);
    Proposal accepted = two.service.accept(proposed.id(), EDITOR);

    assertThat(accepted.status()).isEqualTo(ProposalStatus.ACCEPTED);
    assertThat(accepted.resultVersion()).isEqualTo(3);
    Article corrected = articles.find(vending.id()).orElseThrow();
    assertThat(corrected.content().answer()).isEqualTo("更正后的答复");
    assertThat(corrected.content().unitId()).isEqualTo("JIANGAN_CGJ");
    assertThat(corrected.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(corrected.history().get(2).note()).contains(proposed.id());
    assertThatThrownBy(() -> one.service.reject(proposed.id(), "重复", EDITOR)).isInstanceOfSatisfying(
        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
  }

  @Test
  void aBureauProposesNoCorrectionOfAnArticleNotInForceAndLearnsNothingOfAnotherUnitsDraft() {
    Article draft = one.service.create(Articles.vending(), EDITOR); // JIANGAN_CGJ's, never published
    Article retired = one.service.create(Articles.vending(), EDITOR);
    one.service.publish(retired.id(), null, EDITOR);
    one.service.retire(retired.id(), null, EDITOR);

    for (Caller bureau : List.of(JIANGAN, WUCHANG)) {
      for (Article notInForce : List.of(draft, retired)) {
        ProposalRequest correction = new ProposalRequest(notInForce.id(), "占道经营的管理规定（更正）",
            List.of("门口摆摊"), "更正后的答复", null, "STREET_VENDING", null);
        assertThatThrownBy(() -> one.service.propose(correction, bureau)).as(bureau.unitId() + " " + notInForce.id())
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
      }
    }
    assertThat(one.service.proposals(null, EDITOR, 0, 20).total()).isZero();
  }

  @Test
  void aNewArticleProposedBecomesADraftOrIsRejectedWithAReason() {
    ProposalRequest fresh = new ProposalRequest(null, "江岸区夜市疏导点", List.of("哪里可以摆夜市"), "答复", null,
        "STREET_VENDING", null);
    Proposal first = one.service.propose(fresh, JIANGAN);
    Proposal second = one.service.propose(fresh, JIANGAN);

    Proposal accepted = one.service.accept(first.id(), EDITOR);
    Proposal rejected = one.service.reject(second.id(), "与已采纳的建议重复", EDITOR);

    Article draft = articles.find(accepted.articleId()).orElseThrow();
    assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(draft.content().unitId()).isEqualTo("JIANGAN_CGJ");
    assertThat(rejected.reason()).isEqualTo("与已采纳的建议重复");
    assertThat(one.service.proposals(ProposalStatus.PENDING, EDITOR, 0, 20).total()).isZero();
    assertThat(one.service.proposals(null, JIANGAN, 0, 20).items()).hasSize(2);
    assertThat(one.service.proposals(null, WUCHANG, 0, 20).items()).isEmpty();
  }

  @Test
  void anAcceptanceCutShortBeforeTheProposalIsMarkedIsFinishedByTheRetryWithoutASecondArticleOrVersion() {
    Article vending = one.service.create(Articles.vending(), EDITOR);
    one.service.publish(vending.id(), null, EDITOR);
    Proposal fresh = one.service.propose(new ProposalRequest(null, "江岸区夜市疏导点", List.of("哪里可以摆夜市"), "答复",
        null, "STREET_VENDING", null), JIANGAN);
    Proposal correction = one.service.propose(new ProposalRequest(vending.id(), "占道经营的管理规定（更正）",
        List.of("门口摆摊"), "更正后的答复", null, "STREET_VENDING", null), JIANGAN);
    KnowledgeService crashing = new KnowledgeService(articles, new ProposalRepository(database) {
      @Override
      public boolean decide(Proposal decided) {
        throw new IllegalStateException("the service died before marking the proposal");
      }
    }, new KnowledgeIds(database), one.index, Articles.REFERENCE, clock);
    for (Proposal proposal : List.of(fresh, correction)) {
      assertThatThrownBy(() -> crashing.accept(proposal.id(), EDITOR)).isInstanceOf(IllegalStateException.class);
    }

    Proposal created = two.service.accept(fresh.id(), EDITOR);
    Proposal corrected = two.service.accept(correction.id(), EDITOR);

    assertThat(articles.find(created.articleId()).orElseThrow().history()).hasSize(1);
    assertThat(one.index.search(new ArticleSearch(null, null, null, ArticleStatus.DRAFT, false, 0, 20)).total())
        .isEqualTo(1);
    assertThat(corrected.resultVersion()).isEqualTo(3);
    assertThat(articles.find(vending.id()).orElseThrow().history()).hasSize(3);
  }
}
