package city.hotline.intake.knowledge;

import static city.hotline.intake.knowledge.Articles.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.knowledge.KnowledgeLookup.ArticleMatch;
import city.hotline.testsupport.MovableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Search as a caller's words find articles, and what a non-editor may never be shown. */
class KnowledgeIndexTest {
  private final MovableClock clock = new MovableClock(NOW);
  private final KnowledgeIndex index = new KnowledgeIndex(clock, KnowledgeSettings.defaults());

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private void publishThree() {
    index.put(Articles.published("KB1", Articles.gasLeak()));
    index.put(Articles.published("KB2", Articles.vending()));
    index.put(Articles.published("KB3", Articles.streetLight()));
  }

  private List<String> matchingIds(String text) {
    return index.matching(text, 5).stream().map(ArticleMatch::id).toList();
  }

  private static ArticleSearch forEveryone(String q) {
    return new ArticleSearch(q, null, null, null, true, 0, 20);
  }

  @Test
  void aCallersOwnWordsFindTheArticleThatSaysItDifferently() {
    publishThree();

    // none of these words is in a title: "家里", "煤气", "味道" are found by segmenting the questions and answer
    assertThat(matchingIds("我家里好像有煤气味道")).first().isEqualTo("KB1");
    assertThat(matchingIds("门口卖水果的摊贩把路堵了")).first().isEqualTo("KB2");
    assertThat(index.search(forEveryone("电器不敢开")).items()).extracting(ArticleHit::id).containsExactly("KB1");
  }

  @Test
  void theSnippetMarksTheMatchedWordsAndEscapesEverythingElse() {
    index.put(Articles.published("KB1", Articles.withAnswer(Articles.gasLeak(),
        "闻到煤气味时<script>alert('x')</script>请先关闭阀门 & 开窗通风。")));

    ArticleHit hit = index.search(forEveryone("关闭阀门")).items().get(0);

    assertThat(hit.snippet()).contains("<mark>关闭</mark>").contains("<mark>阀门</mark>")
        .contains("&lt;script&gt;").contains("&amp;").doesNotContain("<script>");
    assertThat(hit.score()).isPositive();
  }

  @Test
  void aSnippetFromTheCallersQuestionsShowsNoHiddenSeparator() {
    index.put(Articles.published("KB1", new ArticleContent("隧道通行", List.of("隧道什么时候封闭检修", "隧道里有积水开车很危险"),
        "请按现场指示绕行。", null, "BRIDGES_TUNNELS", null, null, null)));

    String snippet = index.search(forEveryone("积水危险")).items().get(0).snippet();

    assertThat(snippet).contains("<mark>积水</mark>").doesNotContain("\u0000");
    assertThat(snippet.chars()).noneMatch(Character::isISOControl);
  }

  @Test
  void retiredNotYetValidAndExpiredArticlesAreNeverShownOrMatched() {
    index.put(Articles.published("KB1", Articles.gasLeak()).retire(2, "editor", NOW));
    index.put(Articles.published("KB2", Articles.withValidity(Articles.gasLeak(), NOW.plus(Duration.ofDays(1)), null)));
    index.put(Articles.published("KB3", Articles.withValidity(Articles.gasLeak(), null, NOW)));
    index.put(Article.create("KB4", Articles.gasLeak(), "editor", NOW, null)); // a draft

    assertThat(index.matching("煤气味道", 10)).isEmpty();
    assertThat(index.search(forEveryone("煤气味道")).total()).isZero();
    assertThat(index.search(forEveryone(null)).total()).isZero();
    assertThat(List.of("KB1", "KB2", "KB3", "KB4")).allSatisfy(id -> assertThat(index.citable(id)).isEmpty());
    // an editor lists them all, each saying it is not in force
    KnowledgePage<ArticleHit> editors = index.search(new ArticleSearch("煤气味道", null, null, null, false, 0, 20));
    assertThat(editors.items()).extracting(ArticleHit::id).containsExactlyInAnyOrder("KB1", "KB2", "KB3", "KB4");
    assertThat(editors.items()).noneMatch(ArticleHit::inForce);
  }

  @Test
  void validityIsCheckedWhenAsked() {
    index.put(Articles.published("KB2", Articles.withValidity(Articles.gasLeak(), NOW.plus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(2)))));

    clock.advance(Duration.ofDays(1));
    assertThat(index.citable("KB2")).map(ArticleMatch::title).contains("闻到燃气味怎么办");
    assertThat(matchingIds("煤气味道")).containsExactly("KB2");

    clock.advance(Duration.ofDays(1));
    assertThat(index.citable("KB2")).isEmpty();
    assertThat(matchingIds("煤气味道")).isEmpty();
  }

  @Test
  void anOlderVersionReadAgainDoesNotReplaceTheNewer() {
    Article v2 = Articles.published("KB1", Articles.gasLeak());
    index.put(v2.retire(2, "editor", NOW));
    index.put(v2);

    assertThat(index.citable("KB1")).isEmpty();
  }

  @Test
  void aWriteThePollAlreadyStagedButHasNotRefreshedIsFoundWhenPutReturns() {
    Article published = Articles.published("KB1", Articles.gasLeak());
    index.stage(published); // the poll thread read the same version and has not refreshed yet

    index.put(published); // the editor's own write

    assertThat(index.citable("KB1")).isPresent();
    assertThat(matchingIds("煤气味道")).containsExactly("KB1");
  }

  @Test
  void withoutWordsTheNewestChangeComesFirstWithoutAScore() {
    index.put(Article.create("KB1", Articles.gasLeak(), "editor", NOW.minusSeconds(60), null).publish(1, "e",
        NOW.minusSeconds(50)));
    index.put(Article.create("KB2", Articles.vending(), "editor", NOW.minusSeconds(60), null).publish(1, "e",
        NOW.minusSeconds(10)));

    KnowledgePage<ArticleHit> page = index.search(forEveryone(" "));

    assertThat(page.items()).extracting(ArticleHit::id).containsExactly("KB2", "KB1");
    assertThat(page.items()).allSatisfy(hit -> assertThat(hit.score()).isNull());
    assertThat(page.items().get(0).snippet()).startsWith("在城市道路");
  }

  @Test
  void filtersAndPagesNarrowTheAnswer() {
    publishThree();

    assertThat(index.search(new ArticleSearch(null, "GAS_SAFETY", null, null, true, 0, 20)).items())
        .extracting(ArticleHit::id).containsExactly("KB1");
    assertThat(index.search(new ArticleSearch(null, null, "JIANGAN_CGJ", null, true, 0, 20)).items())
        .extracting(ArticleHit::id).containsExactly("KB2");
    KnowledgePage<ArticleHit> second = index.search(new ArticleSearch(null, null, null, null, true, 1, 2));
    assertThat(second.total()).isEqualTo(3);
    assertThat(second.items()).hasSize(1);
  }
}
