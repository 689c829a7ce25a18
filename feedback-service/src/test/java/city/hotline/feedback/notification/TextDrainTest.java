package city.hotline.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import city.hotline.feedback.visit.RatingLinksForTexts;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The sender's pass with a fake centre on the embedded store: what counts as an attempt, and what a text says. */
class TextDrainTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final String MOBILE = "13700002222";

  private static MongoWireTestServer server;
  private static MongoClient client;

  private final FakeCentre centre = new FakeCentre();
  private final RatingLinksForTexts links = mock(RatingLinksForTexts.class);
  private final SmsSettings settings = new SmsSettings("log", null, "https://12345.example.gov.cn",
      Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(30), 3,
      Duration.ofSeconds(5), Duration.ofHours(1), 60, List.of("TD"), "test-key", Duration.ofHours(24),
      Duration.ofDays(90), Duration.ofHours(1), SmppSenderTest.settings(2775));
  private Instant now = NOW;

  @BeforeAll
  static void open() {
    server = new MongoWireTestServer();
    client = MongoClients.create(server.uri());
  }

  @AfterAll
  static void close() {
    client.close();
    server.close();
  }

  private TextDrain drain(MongoDatabase database) {
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    return new TextDrain(new TextRepository(database), new RecipientRepository(database), links, centre,
        SmsTemplates.load(new ClassPathResource("sms/templates.yml")), new SmsMetrics(new SimpleMeterRegistry()),
        settings, clock);
  }

  private static Text text(MongoDatabase database, String id) {
    return database.getCollection(TextRepository.TEXTS, Text.class).find(Filters.eq("_id", id)).first();
  }

  @Test
  void aCentreThatIsDownCostsTheTextNoAttemptOnlyItsRefusalsCountAndTheClosingTextDropsTheNumber() {
    MongoDatabase database = client.getDatabase("drain-outage");
    TextDrain drain = drain(database);
    new RecipientRepository(database).note(new Recipient("WH1", MOBILE, false, false, NOW));
    new TextRepository(database).add(Text.pending("e1", "WH1", TextKind.CLOSED, null, NOW, NOW));

    centre.ready = false;
    drain.runNow();
    assertThat(centre.sent).as("nothing claimed while unbound").isEmpty();
    assertThat(text(database, "e1").state()).isEqualTo(TextState.PENDING);

    centre.ready = true;
    centre.outcomes.add(new NotificationSender.CentreUnavailable("SMS centre unavailable: ConnectException", null));
    drain.runNow();
    assertThat(text(database, "e1")).satisfies(t -> {
      assertThat(t.state()).isEqualTo(TextState.PENDING);
      assertThat(t.attempts()).as("the outage is not the text's").isZero();
    });

    now = now.plus(settings.retryBackoff());
    centre.outcomes.add(new NotificationSender.SendFailure("submit_sm refused: command status 0x8", null));
    drain.runNow();
    assertThat(text(database, "e1").attempts()).as("a refusal counts").isEqualTo(1);

    now = now.plus(settings.backoff(1));
    drain.runNow();
    assertThat(text(database, "e1").state()).isEqualTo(TextState.SENT);
    assertThat(centre.sent).hasSize(3);
    assertThat(new RecipientRepository(database).find("WH1").orElseThrow().phone()).as("the case's last text").isNull();
  }

  @Test
  void anOperatorsLinkLeavesTheAnswerTextedWithoutASecondLink() {
    MongoDatabase database = client.getDatabase("drain-given");
    TextDrain drain = drain(database);
    new RecipientRepository(database).note(new Recipient("WH2", MOBILE, false, false, NOW));
    new TextRepository(database).add(Text.pending("e2", "WH2", TextKind.RESOLVED, "已清运", NOW, NOW));
    when(links.issue("WH2", "e2")).thenReturn(new RatingLinksForTexts.LinkForText(RatingLinksForTexts.Status.GIVEN, null));

    drain.runNow();

    assertThat(centre.sent).singleElement().satisfies(t -> {
      assertThat(t.body()).contains("已办结", "已清运", "另行提供").doesNotContain("rate.html");
      assertThat(t.mobile()).isEqualTo(MOBILE);
    });
    assertThat(text(database, "e2").state()).isEqualTo(TextState.SENT);
  }

  /** Answers each send with the next outcome queued (an exception to throw), or a message id when none is. */
  private static final class FakeCentre implements NotificationSender {
    final Deque<SendFailure> outcomes = new ArrayDeque<>();
    final List<OutgoingText> sent = new ArrayList<>();
    volatile boolean ready = true;

    @Override
    public List<String> send(OutgoingText text) throws SendFailure {
      sent.add(text);
      SendFailure failure = outcomes.poll();
      if (failure != null) {
        throw failure;
      }
      return List.of("m" + sent.size());
    }

    @Override
    public boolean ready() {
      return ready;
    }
  }
}
