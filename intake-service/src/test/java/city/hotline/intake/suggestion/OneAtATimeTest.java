package city.hotline.intake.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.support.web.ApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** One evaluation at a time: a second asked for while the first runs is refused, and runs once the first is done. */
class OneAtATimeTest {
  private final OneAtATime evaluations = new OneAtATime("An evaluation is running already", "EVALUATION_RUNNING");

  @Test
  void aSecondRunWhileTheFirstIsRunningIsRefusedWith409AndOneAfterItRuns() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> evaluations.run(() -> {
      started.countDown();
      await(release);
      return "first";
    }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> evaluations.run(() -> "second")).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(e.getMessage()).contains("running already");
    });

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(evaluations.run(() -> "third")).isEqualTo("third");
    assertThatThrownBy(() -> evaluations.run(() -> {
      throw new IllegalStateException("store away");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(evaluations.run(() -> "after a failure")).as("a failed run lets the next one in")
        .isEqualTo("after a failure");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
