package city.hotline.intake.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The naive Bayes category model on a small known history, figures worked out by hand. */
class CategoryModelTest {

  /** Six work orders: vocabulary of 10 words; 2 street lighting (4 words), 3 sanitation (7), 1 manhole (2). */
  private static CategoryModel sixWorkOrders() {
    CategoryModel model = new CategoryModel();
    model.learn(List.of("路灯", "不亮"), "STREET_LIGHTING");
    model.learn(List.of("路灯", "闪烁"), "STREET_LIGHTING");
    model.learn(List.of("垃圾", "清运"), "SANITATION");
    model.learn(List.of("垃圾", "堆积", "气味"), "SANITATION");
    model.learn(List.of("井盖", "缺失"), "MANHOLE_COVERS");
    model.learn(List.of("垃圾", "桶"), "SANITATION");
    return model;
  }

  @Test
  void predictsTheCategoryWhoseWorkOrdersUsedTheseWordsWithLaplaceSmoothedProbabilities() {
    // P(SL) ∝ 2/6 · 3/14 · 2/14, P(SAN) ∝ 3/6 · 1/17 · 1/17, P(MC) ∝ 1/6 · 1/12 · 1/12; a word never seen is left out
    List<CategoryModel.Scored> lights = sixWorkOrders().predict(List.of("路灯", "不亮", "从没见过"), 3);
    assertThat(lights).extracting(CategoryModel.Scored::code)
        .containsExactly("STREET_LIGHTING", "SANITATION", "MANHOLE_COVERS");
    assertThat(lights.get(0).probability()).isCloseTo(0.7794, within(1e-4));
    assertThat(lights.get(1).probability()).isCloseTo(0.1322, within(1e-4));
    assertThat(lights.get(2).probability()).isCloseTo(0.0884, within(1e-4));

    List<CategoryModel.Scored> rubbish = sixWorkOrders().predict(List.of("垃圾"), 2);
    assertThat(rubbish).extracting(CategoryModel.Scored::code).containsExactly("SANITATION", "STREET_LIGHTING");
    assertThat(rubbish.get(0).probability()).isCloseTo(0.7573, within(1e-4));
  }

  @Test
  void withoutKnownWordsTheMostFrequentCategoryLeadsAndBeforeLearningThereIsNothingToSay() {
    assertThat(sixWorkOrders().predict(List.of(), 1)).extracting(CategoryModel.Scored::code).containsExactly("SANITATION");
    assertThat(new CategoryModel().predict(List.of("路灯"), 3)).isEmpty();
    assertThat(sixWorkOrders().documents()).isEqualTo(6);
  }

  @Test
  void aLongDescriptionDoesNotUnderflow() {
    List<String> words = java.util.Collections.nCopies(2000, "路灯");
    assertThat(sixWorkOrders().predict(words, 1).get(0).probability()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void answersWhileItLearns() throws Exception {
    CategoryModel model = sixWorkOrders();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> learning = pool.submit(() -> {
        for (int i = 0; i < 20_000; i++) {
          model.learn(List.of("井盖", "第" + i), "MANHOLE_COVERS");
        }
      });
      Future<Boolean> reading = pool.submit(() -> {
        boolean sane = true;
        while (!learning.isDone()) {
          double sum = model.predict(List.of("井盖", "路灯"), 3).stream().mapToDouble(CategoryModel.Scored::probability).sum();
          sane &= Math.abs(sum - 1.0) < 1e-9;
        }
        return sane;
      });
      learning.get();
      assertThat(reading.get()).as("every answer a consistent distribution").isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(model.documents()).isEqualTo(20_006);
    assertThat(model.predict(List.of("井盖"), 1).get(0).code()).isEqualTo("MANHOLE_COVERS");
  }
}
