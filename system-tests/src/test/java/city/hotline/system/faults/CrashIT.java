package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Crashes (SIGKILL, no shutdown) in the middle of a steady stream of registrations and claims: the broker,
 * each service and each store in turn. Whatever the system acknowledged is carried through exactly once: every
 * acknowledged call gets one CaseDispatched, every acknowledged claim one CaseClaimed, and the books agree.
 */
class CrashIT {
  private static final Duration STEADY = Duration.ofSeconds(8);
  private static final Duration DOWN = Duration.ofSeconds(10);
  private static final Duration RECOVERY = Duration.ofMinutes(3);

  private final EmbeddedSystem system = FaultSystem.get();
  private final Settings settings = FaultSystem.settings();

  @Test
  void aBrokerKilledMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
    CallStream stream = new CallStream(settings);
    try (stream) {
      pause(STEADY);
      system.kill("kafka");
      pause(DOWN);
      system.up();
      pause(STEADY);
    }
    assertThat(stream.refusals()).as("registrations refused while the broker was down").isEmpty();
    assertCarriedThroughOnce(stream);
  }

  @Test
  void eachServiceKilledMidStreamResumesWhereItStopped() throws Exception {
    killEachMidStream(List.of("intake-service", "dispatch-service", "feedback-service", "gateway"));
  }

  /**
   * Each store in turn, killed mid-stream: what it acknowledged was in its file (SPEC §8.1), so nothing a
   * service wrote and then published or answered is missing when it comes back, and no ticket number is
   * handed out twice.
   */
  @Test
  void eachStoreKilledMidStreamLosesNothingItAcknowledged() throws Exception {
    killEachMidStream(List.of("intake-mongo", "dispatch-mongo", "feedback-mongo", "gateway-mongo"));
  }

  /** One process after the other, killed in the middle of a stream of calls and claims, then started again. */
  private void killEachMidStream(List<String> victims) throws Exception {
    for (String victim : victims) {
      CallStream stream = new CallStream(settings);
      try (stream) {
        pause(STEADY);
        system.kill(victim);
        pause(DOWN);
        system.up();
        pause(STEADY);
      }
      assertThat(stream.registered()).as("calls acknowledged around the crash of %s", victim).isNotEmpty();
      assertThat(stream.registered()).as("ticket numbers given around the crash of %s", victim)
          .doesNotHaveDuplicates();
      assertCarriedThroughOnce(stream);
    }
  }

  private void assertCarriedThroughOnce(CallStream stream) {
    assertCarriedThroughOnce(settings, stream.registered(), stream.claimed());
  }

  /** Every acknowledged call dispatched once, every acknowledged claim claimed once, and the books agree. */
  static void assertCarriedThroughOnce(Settings settings, List<String> tickets, Set<String> claimed) {
    HttpJson dispatcher = Reconciled.signIn(settings, "dispatcher");
    await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).until(() ->
        tickets.stream().allMatch(t -> dispatcher.get("/api/cases/" + t).status() == 200));
    await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(claimed)
        .as("acknowledged claims").allSatisfy(t -> assertThat(dispatcher.get("/api/cases/" + t).body().path("state")
            .asString()).as("claimed case %s", t).isEqualTo("CLAIMED")));
    try (TopicProbe probe = new TopicProbe(settings.kafkaBootstrapServers(), "hotline.dispatch.events")) {
      await().atMost(RECOVERY).until(() -> count(probe, tickets, "CaseDispatched").size() == tickets.size()
          && count(probe, claimed, "CaseClaimed").size() == claimed.size() && probe.readToEnd());
      assertThat(count(probe, tickets, "CaseDispatched").values()).as("CaseDispatched per ticket").containsOnly(1L);
      assertThat(count(probe, claimed, "CaseClaimed").values()).as("CaseClaimed per claim").containsOnly(1L);
    }
    Reconciled.books(settings);
  }

  /** Distinct events of a type per ticket (a redelivered copy has the same event id and counts once). */
  private static Map<String, Long> count(TopicProbe probe, java.util.Collection<String> tickets, String type) {
    Set<String> wanted = Set.copyOf(tickets);
    return probe.records().stream()
        .filter(r -> wanted.contains(r.key()) && r.value().contains("\"eventType\":\"" + type + "\""))
        .map(CrashIT::idAndKey).distinct()
        .collect(Collectors.groupingBy(k -> k.substring(k.indexOf('|') + 1), Collectors.counting()));
  }

  private static String idAndKey(ConsumerRecord<String, String> r) {
    int at = r.value().indexOf("\"eventId\":\"") + 11;
    return r.value().substring(at, r.value().indexOf('"', at)) + "|" + r.key();
  }

  /** The stream runs meanwhile: this is the time under load, not a wait for a condition. */
  private static void pause(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
