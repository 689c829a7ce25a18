package city.hotline.intake.webhook;

import static city.hotline.intake.webhook.TestReceiver.Answer.FAIL;
import static city.hotline.intake.webhook.TestReceiver.Answer.TOO_LATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.partner.Partner;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.web.ApiException;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end below Spring: events fanned out into deliveries on the store the services use, sent by two
 * replicas to a receiver over HTTP that fails, answers too late, recovers; parked and redelivered by an admin.
 */
class WebhookDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PARTNER = "PT0001";
  private static final String OTHER = "PT0002";
  private static final String OWN_TICKET = "WH20261201000001";
  private static final String AREA_TICKET = "WH20261201000002";
  private static final ReferenceData REFERENCE = new ReferenceData(
      List.of(new ReferenceData.Entry("JIANGAN", "江岸区"), new ReferenceData.Entry("WUCHANG", "武昌区")),
      List.of(new ReferenceData.Entry("SANITATION", "环境卫生")));

  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final MongoDatabase database = client.getDatabase("webhooks");
  private final Clock clock = Clock.systemUTC();
  private final SubscriptionRepository webhooks = new SubscriptionRepository(database);
  private final DeliveryRepository deliveries = new DeliveryRepository(database);
  private final Map<String, Partner> partners = new ConcurrentHashMap<>();
  private final Map<String, WorkOrder> orders = new ConcurrentHashMap<>();
  private final WebhookFanOut fanOut = new WebhookFanOut(webhooks, deliveries, this::partner,
      id -> Optional.ofNullable(orders.get(id)), clock, Duration.ZERO);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<DeliverySender> replicas = new ArrayList<>();
  private final TestReceiver receiver;

  WebhookDeliveryTest() throws Exception {
    receiver = new TestReceiver(Duration.ofSeconds(6));
    partners.put(PARTNER, partner(PARTNER, false));
    partners.put(OTHER, partner(OTHER, false));
    orders.put(OWN_TICKET, Tickets.order(OWN_TICKET, "JIANGAN", "partner:" + PARTNER, false));
    orders.put(AREA_TICKET, Tickets.order(AREA_TICKET, "WUCHANG", "operator", false));
  }

  @AfterEach
  void close() {
    replicas.forEach(DeliverySender::close);
    receiver.close();
    client.close();
    server.close();
  }

  private static Partner partner(String id, boolean revoked) {
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    return new Partner(id, "城市 App " + id, revoked, at, null, "hash", at, revoked ? at : null);
  }

  private Optional<Partner> partner(String id) {
    return Optional.ofNullable(partners.get(id));
  }

  /**
   * Short waits between attempts (50 ms doubling up to 200 ms), but an answer may take 3 s: a machine busy with other
   * builds must not make a 2xx arrive after the sender stopped waiting (it would send the delivery again, as it must).
   */
  private static WebhookSettings settings(Duration giveUpAfter) {
    return settings(giveUpAfter, Duration.ofSeconds(3), List.of("127.0.0.0/8"));
  }

  /** No settling (the order test feeds its changes apart on purpose); the receiver on 127.0.0.1 allowed. */
  private static WebhookSettings settings(Duration giveUpAfter, Duration requestTimeout, List<String> allowed) {
    return settings(giveUpAfter, requestTimeout, allowed, 2);
  }

  private static WebhookSettings settings(Duration giveUpAfter, Duration requestTimeout, List<String> allowed,
      int senders) {
    return new WebhookSettings(true, Duration.ofMillis(50), 100, senders, Duration.ofSeconds(5), requestTimeout,
        requestTimeout.plusSeconds(15), Duration.ofMillis(50), Duration.ofMillis(200), giveUpAfter, Duration.ZERO,
        Duration.ofHours(1), false, allowed, Duration.ofHours(1), Duration.ofDays(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }

  private Webhooks admin(WebhookSettings settings) {
    return new Webhooks(webhooks, deliveries, this::partner, REFERENCE, database, settings, clock);
  }

  private void startReplica(WebhookSettings settings) {
    DeliverySender sender = new DeliverySender(deliveries, webhooks, this::partner, HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build(),
        JsonMapper.builder().build(), settings, new Backoff(settings.firstRetry(), settings.maxRetry(), Math::random),
        clock, clock, registry);
    replicas.add(sender);
    sender.start();
  }

  /** A webhook whose deliveries the receiver checks with its secret. */
  private Subscription subscribe(Webhooks admin, String partnerId, String name, String scope, String district) {
    Subscription webhook = admin.subscribe(partnerId,
        new SubscriptionRequest(receiver.url(name), scope, null, district));
    receiver.secret(name, webhook.secret());
    return webhook;
  }

  private int feed(List<? extends EventEnvelope<?>> events) {
    return events.stream().mapToInt(fanOut::accept).sum();
  }

  private static List<String> statuses(List<TestReceiver.Received> taken) {
    return taken.stream().map(TestReceiver.Received::ourStatus).toList();
  }

  @Test
  void aReceiverThatFailsThenRecoversGetsEachChangeOnceInOrderPerTicketSignedWhileTwoReplicasSend() {
    WebhookSettings settings = settings(Duration.ofHours(1));
    Webhooks admin = admin(settings);
    subscribe(admin, PARTNER, "own", "OWN_REPORTS", null);
    subscribe(admin, PARTNER, "wuchang", "AREA", "WUCHANG");
    Instant t = clock.instant();
    // Dispatch's and feedback's topics are read apart from intake's: changes come in out of their order.
    var own = List.of(Tickets.closed(OWN_TICKET, "JIANGAN", t.plusSeconds(50)),
        Tickets.resolved(OWN_TICKET, "JIANGAN", t.plusSeconds(40), "垃圾已清运, 已联系王芳 13812341234"),
        Tickets.registered(OWN_TICKET, "JIANGAN", t.plusSeconds(10)),
        Tickets.claimed(OWN_TICKET, "JIANGAN", t.plusSeconds(30)),
        Tickets.dispatched(OWN_TICKET, "JIANGAN", t.plusSeconds(20)));
    var area = List.of(Tickets.registered(AREA_TICKET, "WUCHANG", t.plusSeconds(11)),
        Tickets.dispatched(AREA_TICKET, "WUCHANG", t.plusSeconds(21)),
        Tickets.extensionRequested(AREA_TICKET, "WUCHANG", t.plusSeconds(31)),
        Tickets.resolved(AREA_TICKET, "WUCHANG", t.plusSeconds(41), "已清运"));

    assertThat(feed(own)).isEqualTo(5);
    assertThat(feed(area)).as("the extension request changes no status").isEqualTo(3);
    assertThat(feed(own) + feed(area)).as("the same events read again").isZero();

    receiver.answerNext(FAIL, FAIL, FAIL, TOO_LATE);
    startReplica(settings);
    startReplica(settings);

    await().atMost(WAIT).until(() -> receiver.taken().size() == 8 && deliveries.count(DeliveryState.PENDING) == 0);
    assertThat(statuses(receiver.taken(OWN_TICKET)))
        .containsExactly("REGISTERED", "DISPATCHED", "CLAIMED", "RESOLVED", "CLOSED");
    assertThat(statuses(receiver.taken(AREA_TICKET))).containsExactly("REGISTERED", "DISPATCHED", "RESOLVED");
    assertThat(receiver.takenAgain()).as("deliveries sent again after a 2xx").isZero();
    assertThat(receiver.refused()).as("bad signatures").isEmpty();
    assertThat(receiver.requests()).as("8 taken, 4 failed").isEqualTo(12);
    assertThat(registry.get(DeliverySender.ATTEMPTS).tag("outcome", "retried").tag("partner", PARTNER).counter().count()).isEqualTo(4);

    TestReceiver.Received resolved = receiver.taken(OWN_TICKET).get(3);
    assertThat(resolved.body().path("status").asString()).isEqualTo("open");
    assertThat(resolved.body().path("statusNote").asString()).isEqualTo("办理结果：垃圾已清运, 已联系*** ***");
    assertThat(resolved.body().path("category").asString()).isEqualTo("SANITATION");
    assertThat(resolved.body().path("district").asString()).isEqualTo("JIANGAN");
    assertThat(receiver.taken(OWN_TICKET).get(4).body().path("status").asString()).isEqualTo("closed");
    assertThat(receiver.taken()).noneMatch(r -> r.raw().contains(Tickets.CALLER) || r.raw().contains(Tickets.PHONE));
  }

  /** They are queued first, so they come due first: looked at, they wait and leave the sender to the chain's first. */
  @Test
  void laterChangesQueuedBeforeTheirTicketsRegistrationNeverKeepTheOnlySenderFromIt() {
    WebhookSettings settings = settings(Duration.ofHours(1), Duration.ofSeconds(3), List.of("127.0.0.0/8"), 1);
    subscribe(admin(settings), PARTNER, "own", "OWN_REPORTS", null);
    Instant t = clock.instant();
    feed(List.of(Tickets.closed(OWN_TICKET, "JIANGAN", t.plusSeconds(3)),
        Tickets.dispatched(OWN_TICKET, "JIANGAN", t.plusSeconds(2)),
        Tickets.registered(OWN_TICKET, "JIANGAN", t.plusSeconds(1))));
    startReplica(settings);

    await().atMost(WAIT).until(() -> receiver.taken().size() == 3);
    assertThat(statuses(receiver.taken())).containsExactly("REGISTERED", "DISPATCHED", "CLOSED");
  }

  @Test
  void aDeliveryGivenUpIsParkedWithTheLaterChangesOfItsTicketBehindItUntilAnAdminRedeliversThemInOrder() {
    WebhookSettings settings = settings(Duration.ZERO); // the first failure gives up
    Webhooks admin = admin(settings);
    subscribe(admin, PARTNER, "own", "OWN_REPORTS", null);
    Instant t = clock.instant();
    feed(List.of(Tickets.registered(OWN_TICKET, "JIANGAN", t.plusSeconds(1)),
        Tickets.dispatched(OWN_TICKET, "JIANGAN", t.plusSeconds(2)),
        Tickets.claimed(OWN_TICKET, "JIANGAN", t.plusSeconds(3))));
    receiver.answerNext(FAIL);
    startReplica(settings);

    await().atMost(WAIT).until(() -> admin.parked(0, 50).size() == 3);
    List<Delivery> parked = admin.parked(0, 50);
    Delivery first = parked.stream().filter(d -> d.parkedBehind() == null).findFirst().orElseThrow();
    assertThat(first.ourStatus().name()).isEqualTo("REGISTERED");
    assertThat(first.lastError()).isEqualTo("HTTP 500");
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(parked).filteredOn(d -> d != first).extracting(Delivery::parkedBehind).containsOnly(first.id());
    assertThat(receiver.requests()).as("nothing sent behind the parked one").isEqualTo(1);
    WebhookGauges gauges = new WebhookGauges(deliveries, settings, clock, registry);
    gauges.runNow();
    assertThat(registry.get(WebhookGauges.DELIVERIES).tag("state", "parked").gauge().value()).isEqualTo(3);
    assertThat(registry.get(WebhookGauges.DELIVERIES).tag("state", "pending").gauge().value()).isZero();

    Delivery last = parked.stream().filter(d -> d.ourStatus().name().equals("CLAIMED")).findFirst().orElseThrow();
    List<String> queued = admin.redeliver(last.id());

    assertThat(queued).hasSize(3).startsWith(first.id());
    await().atMost(WAIT).until(() -> receiver.taken().size() == 3);
    assertThat(statuses(receiver.taken())).containsExactly("REGISTERED", "DISPATCHED", "CLAIMED");
    assertThat(receiver.taken()).extracting(TestReceiver.Received::deliveryId).containsExactlyElementsOf(queued);
    assertThatThrownBy(() -> admin.redeliver(first.id())).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status().value()).isEqualTo(409));
    assertThatThrownBy(() -> admin.redeliver("no-such-delivery")).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status().value()).isEqualTo(404));
  }

  @Test
  void aRevokedPartnersParkedDeliveriesAreCancelledAndFinishedOnesPurgedAfterKeepFinished() {
    WebhookSettings settings = settings(Duration.ZERO);
    subscribe(admin(settings), PARTNER, "own", "OWN_REPORTS", null);
    Instant t = clock.instant();
    feed(List.of(Tickets.registered(OWN_TICKET, "JIANGAN", t), Tickets.dispatched(OWN_TICKET, "JIANGAN", t)));
    receiver.answerNext(FAIL);
    startReplica(settings);
    await().atMost(WAIT).until(() -> deliveries.count(DeliveryState.PARKED) == 2);

    partners.put(PARTNER, partner(PARTNER, true)); // 吊销
    new DeliveryHousekeeping(deliveries, this::partner, settings, clock).runNow();
    assertThat(deliveries.count(DeliveryState.PARKED)).as("nothing parked stands for a revoked partner").isZero();
    assertThat(deliveries.count(DeliveryState.CANCELLED)).isEqualTo(2);

    Clock later = Clock.offset(clock, settings.keepFinished().plusMinutes(1));
    new DeliveryHousekeeping(deliveries, this::partner, settings, later).runNow();
    assertThat(deliveries.count(DeliveryState.CANCELLED)).as("purged keep-finished after they finished").isZero();
  }

  @Test
  void onlyTheWebhooksThatHearOfAChangeGetItAndARevokedPartnersOrADeletedWebhooksAreNeverSent() {
    WebhookSettings settings = settings(Duration.ofHours(1));
    Webhooks admin = admin(settings);
    Subscription own = subscribe(admin, PARTNER, "own", "OWN_REPORTS", null);
    Subscription othersOwn = subscribe(admin, OTHER, "others-own", "OWN_REPORTS", null);
    Subscription jiangan = subscribe(admin, OTHER, "jiangan", "AREA", "JIANGAN");
    Subscription wuchang = subscribe(admin, PARTNER, "wuchang", "AREA", "WUCHANG");
    Instant t = clock.instant();

    assertThat(feed(List.of(Tickets.registered(OWN_TICKET, "JIANGAN", t.minusSeconds(3600))))).as("before them")
        .isZero();
    assertThat(feed(List.of(Tickets.registered(OWN_TICKET, "JIANGAN", t.plusSeconds(1))))).isEqualTo(2);
    assertThat(deliveries.head(own.id(), OWN_TICKET)).isPresent();
    assertThat(deliveries.head(jiangan.id(), OWN_TICKET)).isPresent();
    assertThat(deliveries.head(othersOwn.id(), OWN_TICKET)).as("not its report").isEmpty();
    assertThat(deliveries.head(wuchang.id(), OWN_TICKET)).as("not its area").isEmpty();

    partners.put(OTHER, partner(OTHER, true)); // 吊销: revoked after its delivery was queued
    assertThat(feed(List.of(Tickets.dispatched(OWN_TICKET, "JIANGAN", t.plusSeconds(2))))).as("own only").isEqualTo(1);
    feed(List.of(Tickets.registered(AREA_TICKET, "WUCHANG", t.plusSeconds(3))));
    admin.delete(PARTNER, wuchang.id());
    assertThatThrownBy(() -> admin.delete(PARTNER, wuchang.id())).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status().value()).isEqualTo(404));
    assertThatThrownBy(() -> admin.subscribe(OTHER, new SubscriptionRequest(receiver.url("x"), "OWN_REPORTS", null,
        null))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThatThrownBy(() -> admin(settings(Duration.ZERO, Duration.ofSeconds(3), List.of())).subscribe(PARTNER,
        new SubscriptionRequest(receiver.url("x"), "OWN_REPORTS", null, null)))
        .as("loopback, unless its network is allowed").isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors()).containsExactly(new ApiException.FieldProblem("url", WebhookTarget.RULE)));
    startReplica(settings);

    await().atMost(WAIT).until(() -> deliveries.count(DeliveryState.PENDING) == 0 && receiver.taken().size() == 2);
    assertThat(receiver.taken()).extracting(TestReceiver.Received::ticketId).containsOnly(OWN_TICKET);
    assertThat(receiver.taken()).extracting(r -> r.body().path("webhookId").asString()).containsOnly(own.id());
    assertThat(deliveries.count(DeliveryState.CANCELLED)).as("the revoked partner's and the deleted webhook's")
        .isEqualTo(2);
    assertThat(admin.of(PARTNER)).extracting(Subscription::id).containsExactly(own.id());
  }

  @Test
  void aReceiverThatTricklesItsBodyOrNeverAnswersHoldsNoSenderFromTheOtherTickets() {
    // an answer may take a minute, longer than this test waits: only a sender that does not wait for it passes
    WebhookSettings settings = settings(Duration.ofHours(1), Duration.ofMinutes(1), List.of("127.0.0.0/8"));
    subscribe(admin(settings), PARTNER, "wuchang", "AREA", "WUCHANG");
    List<String> tickets = List.of("WH20261201000011", "WH20261201000012", "WH20261201000013");
    tickets.forEach(id -> orders.put(id, Tickets.order(id, "WUCHANG", "operator", false)));
    Instant t = clock.instant();
    receiver.answerNext(TestReceiver.Answer.TRICKLE);
    feed(List.of(Tickets.registered(tickets.get(0), "WUCHANG", t)));
    startReplica(settings);

    await().atMost(WAIT).until(() -> deliveries.count(DeliveryState.DELIVERED) == 1); // 200: its body is not waited for
    receiver.answerNext(TestReceiver.Answer.HANG);
    feed(List.of(Tickets.registered(tickets.get(1), "WUCHANG", t)));
    await().atMost(WAIT).until(() -> receiver.requests() == 2);
    feed(List.of(Tickets.registered(tickets.get(2), "WUCHANG", t)));

    await().atMost(WAIT).until(() -> deliveries.count(DeliveryState.DELIVERED) == 2); // while one waits for its answer
    assertThat(receiver.taken(tickets.get(2))).hasSize(1);
    assertThat(deliveries.count(DeliveryState.PENDING)).as("the one still waiting for its answer").isEqualTo(1);
    WebhookGauges gauges = new WebhookGauges(deliveries, settings, Clock.offset(clock, Duration.ofHours(1)), registry);
    gauges.runNow();
    assertThat(registry.get(WebhookGauges.OLDEST_PENDING).gauge().value()).isGreaterThanOrEqualTo(3600);
  }

  @Test
  void aWebhookThatCannotBeSentToIsParkedWithoutConnectingOrTellingWhatIsThere() {
    WebhookSettings settings = settings(Duration.ZERO);
    Instant before = clock.instant().minusSeconds(60);
    // stored before the url rules and the allow-list were what they are now
    webhooks.insert(new Subscription("WK0901", PARTNER, "http://127.0.0.1:99999/h", Scope.AREA, null, "WUCHANG", "s",
        before, null, null));
    webhooks.insert(new Subscription("WK0902", PARTNER, "http://169.254.169.254/latest/meta-data/", Scope.AREA, null,
        "WUCHANG", "s", before, null, null));
    feed(List.of(Tickets.registered(AREA_TICKET, "WUCHANG", clock.instant())));
    startReplica(settings);

    await().atMost(WAIT).until(() -> deliveries.count(DeliveryState.PARKED) == 2);
    assertThat(admin(settings).parked(0, 50)).extracting(Delivery::webhookId, Delivery::lastError).containsOnly(
        org.assertj.core.groups.Tuple.tuple("WK0901", "invalid request: IllegalArgumentException"),
        org.assertj.core.groups.Tuple.tuple("WK0902", WebhookTarget.NOT_ALLOWED));
  }

  @Test
  void aRegistrationReadAfterALaterChangeOfItsTicketStillGoesFirstAndARotatedSecretStillSigns() {
    WebhookSettings settings = settings(Duration.ofHours(1));
    Instant t = clock.instant();
    Subscription webhook = new Subscription("WK0911", PARTNER, receiver.url("wuchang"), Scope.AREA, null, "WUCHANG",
        "old-secret", t.minusSeconds(60), null, null);
    webhooks.insert(webhook);
    receiver.secret("wuchang", "old-secret"); // the receiver has not switched over yet
    Subscription rotated = admin(settings).rotateSecret(PARTNER, webhook.id());
    assertThat(rotated.secret()).isNotEqualTo(webhook.secret());
    String ticket = "WH20261201000021";
    orders.put(ticket, Tickets.order(ticket, "WUCHANG", "operator", false)); // registered after the webhook was made
    var registered = Tickets.registered(ticket, "WUCHANG", t.minusSeconds(2));
    var dispatched = Tickets.dispatched(ticket, "WUCHANG", t.minusSeconds(3)); // dispatch's clock a second slow
    startReplica(settings);

    feed(List.of(dispatched)); // read first: intake's topic lags
    String dispatchedId = Delivery.idOf(webhook.id(), dispatched.eventId().toString());
    await().atMost(WAIT).until(() -> deliveries.find(dispatchedId).orElseThrow().nextAttemptAt()
        .isAfter(deliveries.find(dispatchedId).orElseThrow().createdAt())); // looked at, and held
    assertThat(receiver.requests()).isZero();
    feed(List.of(registered));

    await().atMost(WAIT).until(() -> receiver.taken().size() == 2);
    assertThat(statuses(receiver.taken())).containsExactly("REGISTERED", "DISPATCHED");
    assertThat(receiver.refused()).as("signed with the old secret too during the overlap").isEmpty();

    PublicChange later = PublicChange.of(Tickets.claimed(ticket, "WUCHANG", t.plusSeconds(60))).get(0);
    assertThat(Delivery.of(webhook, later, null, null, null, false, t, Duration.ofSeconds(5)).nextAttemptAt())
        .as("first due settle after it was read").isEqualTo(t.plusSeconds(5));
  }

  @Test
  void aLeaseKeepsADeliveryToOneReplicaOnTheRealClockAndItsFirstAttemptIsNeverMoved() {
    Subscription webhook = subscribe(admin(settings(Duration.ofHours(1))), PARTNER, "own", "OWN_REPORTS", null);
    var event = Tickets.registered(OWN_TICKET, "JIANGAN", clock.instant());
    assertThat(feed(List.of(event))).isEqualTo(1);
    Instant t = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
    String id = Delivery.idOf(webhook.id(), event.eventId().toString());
    Instant real = Instant.parse("2026-12-08T00:00:00Z");

    Delivery first = deliveries.claim(id, "a", t, real, real.plusSeconds(60)).orElseThrow();
    assertThat(first.firstAttemptAt()).isEqualTo(t);
    assertThat(deliveries.claim(id, "b", t.plus(Duration.ofHours(1)), real.plusSeconds(30), real.plusSeconds(90)))
        .as("a service clock running fast does not end a lease").isEmpty();
    Delivery taken = deliveries.claim(id, "b", t.plusSeconds(10), real.plusSeconds(61), real.plusSeconds(121))
        .orElseThrow();
    assertThat(taken.firstAttemptAt()).as("kept by a later claim").isEqualTo(t);
    assertThat(deliveries.delivered(id, "a", t.plusSeconds(11))).as("the old owner changes nothing").isFalse();
    assertThat(deliveries.failed(id, "b", taken.attempts() + 1, t.plusSeconds(20), "HTTP 500")).isTrue();
    assertThat(deliveries.claim(id, "a", t.plusSeconds(20), real.plusSeconds(62), real.plusSeconds(122)).orElseThrow())
        .satisfies(d -> {
          assertThat(d.attempts()).as("read from the claim, not a pass's old snapshot").isEqualTo(1);
          assertThat(d.firstAttemptAt()).isEqualTo(t);
        });
  }
}
