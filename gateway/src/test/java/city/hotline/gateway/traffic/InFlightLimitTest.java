package city.hotline.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class InFlightLimitTest {
  static final TrafficSettings.Streams NO_STREAMS = new TrafficSettings.Streams(List.of(), 0);
  private static final String STREAM = "/api/dashboard/alerts/stream";
  private final InFlightLimit limit = new InFlightLimit(new TrafficSettings(600, 6000, DataSize.ofKilobytes(64), 2,
      Duration.ofSeconds(3), new TrafficSettings.Streams(List.of(STREAM), 1)));
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final CountDownLatch servicesAnswer = new CountDownLatch(1);
  private final AtomicInteger inProgress = new AtomicInteger();

  @AfterEach
  void stop() {
    servicesAnswer.countDown();
    callers.shutdownNow();
  }

  /** A request the services take their time over: it holds its place until they answer. */
  private Future<MockHttpServletResponse> slowRequest() {
    return slow("POST", "/api/complaints");
  }

  private Future<MockHttpServletResponse> slow(String method, String path) {
    return callers.submit(() -> call(method, path, true));
  }

  private MockHttpServletResponse call(String path, boolean waitForServices) throws Exception {
    return call("POST", path, waitForServices);
  }

  private MockHttpServletResponse call(String method, String path, boolean waitForServices) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(new MockHttpServletRequest(method, path), response, (req, res) -> {
      inProgress.incrementAndGet();
      try {
        if (waitForServices) {
          servicesAnswer.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ((MockHttpServletResponse) res).setStatus(201);
    });
    return response;
  }

  @Test
  void oneRequestTooManyIsRefusedAtOnceWith503AndRetryAfterAndTheOthersAreAnswered() throws Exception {
    Future<MockHttpServletResponse> first = slowRequest();
    Future<MockHttpServletResponse> second = slowRequest();
    await().atMost(Duration.ofSeconds(5)).until(() -> inProgress.get() == 2);

    MockHttpServletResponse third = call("/api/complaints", false);
    assertThat(third.getStatus()).isEqualTo(503);
    assertThat(third.getHeader("Retry-After")).isEqualTo("3");
    assertThat(third.getContentType()).startsWith("application/problem+json");
    assertThat(third.getContentAsString()).contains("2 at once");
    assertThat(inProgress.get()).as("the refused request never reached the services").isEqualTo(2);

    servicesAnswer.countDown();
    assertThat(first.get().getStatus()).isEqualTo(201);
    assertThat(second.get().getStatus()).isEqualTo(201);
    assertThat(call("/api/complaints", false).getStatus()).as("places free again once answered").isEqualTo(201);
  }

  /** An open alert banner (a live stream for minutes) never takes a request's place, and streams have their own. */
  @Test
  void aLiveStreamTakesAPlaceOfItsOwnNotARequests() throws Exception {
    Future<MockHttpServletResponse> banner = slow("GET", STREAM);
    Future<MockHttpServletResponse> first = slowRequest();
    Future<MockHttpServletResponse> second = slowRequest();
    await().atMost(Duration.ofSeconds(5)).until(() -> inProgress.get() == 3);

    MockHttpServletResponse anotherBanner = call("GET", STREAM, false);
    assertThat(anotherBanner.getStatus()).isEqualTo(503);
    assertThat(anotherBanner.getContentAsString()).contains("live streams").contains("1 at once");
    assertThat(call("/api/complaints", false).getStatus()).as("both request places taken by requests").isEqualTo(503);

    servicesAnswer.countDown();
    assertThat(banner.get().getStatus()).isEqualTo(201);
    assertThat(first.get().getStatus()).isEqualTo(201);
    assertThat(second.get().getStatus()).isEqualTo(201);
    assertThat(call("GET", STREAM, false).getStatus()).as("its place free again once it ends").isEqualTo(201);
  }

  /** The stream however its path is spelt (a trailing slash, an encoded letter, path parameters) is a stream. */
  @Test
  void aLiveStreamSpeltAnotherWayIsStillALiveStream() throws Exception {
    Future<MockHttpServletResponse> banner = slow("GET", STREAM);
    await().atMost(Duration.ofSeconds(5)).until(() -> inProgress.get() == 1);

    for (String path : List.of(STREAM + "/", "/api/dashboard/alerts/%73tream", STREAM + ";jsessionid=1",
        "/api//dashboard/alerts/stream")) {
      MockHttpServletResponse another = call("GET", path, false);
      assertThat(another.getStatus()).as(path).isEqualTo(503);
      assertThat(another.getContentAsString()).as(path).contains("live streams");
    }
    servicesAnswer.countDown();
    assertThat(banner.get().getStatus()).isEqualTo(201);
  }
}
