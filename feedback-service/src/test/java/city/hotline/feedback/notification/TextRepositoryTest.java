package city.hotline.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The texts' outbox on the embedded store: one text per event, one sender per text, a dead sender's text retaken. */
class TextRepositoryTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final Duration LEASE = Duration.ofMinutes(2);

  private static MongoWireTestServer server;
  private static MongoClient client;

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

  private static TextRepository texts(String database) {
    return new TextRepository(client.getDatabase(database));
  }

  @Test
  void anEventReadTwiceIsOneText() {
    TextRepository texts = texts("sms-once");
    assertThat(texts.add(Text.pending("e1", "WH1", TextKind.REGISTERED, null, NOW, NOW))).isTrue();
    assertThat(texts.add(Text.pending("e1", "WH1", TextKind.REGISTERED, null, NOW, NOW))).isFalse();
    assertThat(texts.countUnsent()).isEqualTo(1);
  }

  @Test
  void aClaimedTextIsNoOneElsesUntilItsLeaseLapsesThenItIsRetakenAndOnlyTheNewClaimRecordsIt() {
    TextRepository texts = texts("sms-lease");
    texts.add(Text.pending("e1", "WH1", TextKind.REGISTERED, null, NOW, NOW));

    Text first = texts.claimNext(NOW, LEASE).orElseThrow();
    assertThat(texts.claimNext(NOW.plusSeconds(1), LEASE)).as("leased").isEmpty();

    Text retaken = texts.claimNext(NOW.plus(LEASE), LEASE).orElseThrow(); // the first sender died
    assertThat(retaken.claim()).isNotEqualTo(first.claim());
    assertThat(texts.sent(first, List.of("m-old"), NOW)).as("the lapsed claim").isFalse();
    assertThat(texts.sent(retaken, List.of("m1", "m2"), NOW)).isTrue();

    assertThat(texts.claimNext(NOW.plus(LEASE.multipliedBy(3)), LEASE)).as("sent is never retaken").isEmpty();
    assertThat(texts.find("e1").orElseThrow()).satisfies(t -> {
      assertThat(t.state()).isEqualTo(TextState.SENT);
      assertThat(t.messageIds()).containsExactly("m1", "m2");
    });
    assertThat(texts.countUnsent()).isZero();
  }

  @Test
  void aTextPutOffWaitsItsTurnAndTheDueOneGoesFirst() {
    TextRepository texts = texts("sms-order");
    texts.add(Text.pending("e1", "WH1", TextKind.REGISTERED, null, NOW, NOW));
    texts.add(Text.pending("e2", "WH2", TextKind.REGISTERED, null, NOW.plusMillis(1), NOW.plusMillis(1)));
    Text first = texts.claimNext(NOW.plusMillis(1), LEASE).orElseThrow();
    assertThat(first.id()).isEqualTo("e1");
    assertThat(texts.later(first, NOW.plusSeconds(10), 1, "not taken")).isTrue();

    assertThat(texts.claimNext(NOW.plusSeconds(1), LEASE)).map(Text::id).contains("e2");
    assertThat(texts.claimNext(NOW.plusSeconds(10), LEASE)).map(Text::id).contains("e1");
  }

  @Test
  void aReceiptIsKeptByMessageIdEvenBeforeTheTextRecordsIt() {
    TextRepository texts = texts("sms-receipts");
    texts.receipt("m1", "DELIVRD", "000", NOW);
    texts.receipt("m2", "UNDELIV", "001", NOW);
    assertThat(texts.receipts(List.of("m1", "m2", "m3"))).containsOnly(
        org.assertj.core.api.Assertions.entry("m1", "DELIVRD"), org.assertj.core.api.Assertions.entry("m2", "UNDELIV"));
  }

  @Test
  void keepLaterEndedTextsReceiptsAndCallersGoTheUnsentStayAndTheOldestUnsentIsKnown() {
    TextRepository texts = texts("sms-purge");
    RecipientRepository recipients = new RecipientRepository(client.getDatabase("sms-purge"));
    texts.add(Text.pending("old", "WH1", TextKind.REGISTERED, null, NOW, NOW));
    texts.add(Text.pending("unsent", "WH2", TextKind.REGISTERED, null, NOW.plusSeconds(1), NOW));
    texts.sent(texts.claimNext(NOW, LEASE).orElseThrow(), List.of("m1"), NOW);
    texts.receipt("m1", "DELIVRD", "000", NOW);
    recipients.note(new Recipient("WH1", "13700001111", false, false, NOW));
    assertThat(texts.oldestUnsent()).contains(NOW.plusSeconds(1));

    assertThat(texts.purge(NOW)).as("nothing older").isZero();
    assertThat(texts.purge(NOW.plusMillis(1))).isEqualTo(1);
    recipients.purge(NOW.plusMillis(1));

    assertThat(texts.receipts(List.of("m1"))).isEmpty();
    assertThat(recipients.find("WH1")).isEmpty();
    assertThat(texts.countUnsent()).isEqualTo(1);
  }
}
