package city.hotline.intake.knowledge;

import static city.hotline.intake.knowledge.Articles.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** An article's rules: versions, stale edits, statuses, validity and its fields. */
class ArticleTest {

  @Test
  void everyChangeIsANewVersionSayingWhoAndWhen() {
    Article draft = Article.create("KB1", Articles.gasLeak(), "孙丽", NOW, null);
    Article edited = draft.edit(Articles.withAnswer(Articles.gasLeak(), "新的答复"), 1, "孙丽", NOW.plusSeconds(60), null);
    Article published = edited.publish(2, "王强", NOW.plusSeconds(120));
    Article retired = published.retire(null, "王强", NOW.plusSeconds(180));

    assertThat(retired.version()).isEqualTo(4);
    assertThat(retired.history()).extracting(ArticleVersion::version, ArticleVersion::action, ArticleVersion::by,
            ArticleVersion::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "CREATED", "孙丽", ArticleStatus.DRAFT),
            org.assertj.core.groups.Tuple.tuple(2, "EDITED", "孙丽", ArticleStatus.DRAFT),
            org.assertj.core.groups.Tuple.tuple(3, "PUBLISHED", "王强", ArticleStatus.PUBLISHED),
            org.assertj.core.groups.Tuple.tuple(4, "RETIRED", "王强", ArticleStatus.RETIRED));
    assertThat(retired.history().get(0).content().answer()).isEqualTo(Articles.gasLeak().answer());
    assertThat(retired.history().get(1).at()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void anEditBasedOnAnOlderVersionIsAConflictNamingTheCurrentOne() {
    Article v2 = Article.create("KB1", Articles.gasLeak(), "a", NOW, null).edit(Articles.vending(), 1, "b", NOW, null);

    assertThatThrownBy(() -> v2.edit(Articles.streetLight(), 1, "c", NOW, null))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.properties()).containsEntry("currentVersion", 2);
        });
  }

  @Test
  void aRetiredArticleCannotBeEditedNorPublishedAgain() {
    Article retired = Articles.published("KB1", Articles.gasLeak()).retire(2, "e", NOW);

    assertThat(status(() -> retired.edit(Articles.vending(), 3, "e", NOW, null))).isEqualTo(HttpStatus.CONFLICT);
    assertThat(status(() -> retired.publish(null, "e", NOW))).isEqualTo(HttpStatus.CONFLICT);
    assertThat(status(() -> retired.retire(null, "e", NOW))).isEqualTo(HttpStatus.CONFLICT);
    assertThat(status(() -> Articles.published("KB2", Articles.gasLeak()).publish(null, "e", NOW)))
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void inForceMeansPublishedAndWithinItsValidity() {
    Duration day = Duration.ofDays(1);
    ArticleContent nextWeekOnly = Articles.withValidity(Articles.gasLeak(), NOW.plus(day.multipliedBy(7)),
        NOW.plus(day.multipliedBy(14)));

    assertThat(Article.create("KB1", Articles.gasLeak(), "e", NOW, null).inForce(NOW)).isFalse();
    assertThat(Articles.published("KB1", Articles.gasLeak()).inForce(NOW)).isTrue();
    Article later = Articles.published("KB2", nextWeekOnly);
    assertThat(later.inForce(NOW)).isFalse();
    assertThat(later.inForce(NOW.plus(day.multipliedBy(7)))).isTrue();
    assertThat(later.inForce(NOW.plus(day.multipliedBy(14)))).isFalse();
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    ArticleContent bad = new ArticleContent(" ", Collections.nCopies(21, "问".repeat(201)), "答".repeat(5001),
        "源".repeat(201), "NOT_A_CATEGORY", "jiangan", NOW, NOW.minusSeconds(1));

    assertThatThrownBy(() -> bad.validated(Articles.REFERENCE::isCategory))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field)
            .contains("title", "questions", "questions[0]", "questions[20]", "answer", "source", "category", "unitId",
                "validUntil"));
    ArticleContent noQuestions = new ArticleContent("标题", List.of(" "), "答复", null, null, null, null, null);
    assertThatThrownBy(() -> noQuestions.validated(Articles.REFERENCE::isCategory))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field)
            .containsExactly("questions", "category"));
  }

  @Test
  void aValidArticleComesBackTrimmed() {
    ArticleContent sloppy = new ArticleContent(" 标题 ", List.of(" 问题一 ", ""), " 答复 ", " ", "OTHER", "", null, null);

    ArticleContent valid = sloppy.validated(Articles.REFERENCE::isCategory);

    assertThat(valid).isEqualTo(new ArticleContent("标题", List.of("问题一"), "答复", null, "OTHER", null, null, null));
  }

  private static HttpStatus status(Runnable change) {
    try {
      change.run();
      return HttpStatus.OK;
    } catch (ApiException e) {
      return e.status();
    }
  }
}
