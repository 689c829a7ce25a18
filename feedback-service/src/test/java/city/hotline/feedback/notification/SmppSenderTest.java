package city.hotline.feedback.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP sender against jsmpp's own server side in this JVM: bind, submit_sm, receipts and replies back. */
class SmppSenderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String MOBILE = "13700001111";

  private final List<String> receipts = new CopyOnWriteArrayList<>();
  private final List<String> replies = new CopyOnWriteArrayList<>();
  private InProcessSmsc smsc;
  private SmppSender sender;

  @BeforeEach
  void start() throws Exception {
    smsc = new InProcessSmsc();
    sender = new SmppSender(settings(smsc.port()), new SmppInbound() {
      @Override
      public void receipt(String messageId, String state, String error) {
        receipts.add(messageId + " " + state);
      }

      @Override
      public void reply(String fromNumber, String text) {
        replies.add(fromNumber + " " + text);
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    sender.stop();
    smsc.close();
  }

  static SmsSettings.Smpp settings(int port) {
    return new SmsSettings.Smpp("localhost", port, "hotline", "secret", "", "", "transceiver", "12345", "UNKNOWN",
        "UNKNOWN", 3, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(200));
  }

  private static OutgoingText text(String body) {
    return new OutgoingText("WH20261123000001", TextKind.REGISTERED, MOBILE, body);
  }

  @Test
  void aChineseTextGoesAsOneUcs2SubmitWithADeliveryReceiptRequested() throws Exception {
    String body = "【12345热线】您的诉求已受理，工单号WH20261123000001。回复TD退订";

    List<String> messageIds = sender.send(text(body));

    assertThat(smsc.submitted()).singleElement().satisfies(s -> {
      assertThat(s.destination()).isEqualTo(MOBILE);
      assertThat(s.text()).isEqualTo(body);
      assertThat(s.dataCoding()).as("UCS-2").isEqualTo((byte) 0x08);
      assertThat(SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(s.registeredDelivery())).isTrue();
      assertThat(messageIds).containsExactly(s.messageId());
    });
  }

  @Test
  void aLongTextGoesAsJoinedPartsAndOneLongerThanTheLimitIsCut() throws Exception {
    String answer = "经核查，该路段垃圾已于当日清运完毕，并已安排环卫人员每日早晚两次巡查保洁。".repeat(2);
    sender.send(text(answer));
    List<InProcessSmsc.Submitted> parts = smsc.submitted();
    assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(GSMSpecificFeature.UDHI.containedIn(p.esmClass())).isTrue());
    assertThat(parts.get(0).shortMessage()[4]).as("parts in all").isEqualTo((byte) 2);
    assertThat(parts.get(1).shortMessage()[5]).as("second part").isEqualTo((byte) 2);
    assertThat(parts.get(0).text() + parts.get(1).text()).isEqualTo(answer);

    sender.send(text("很长".repeat(200)));
    List<InProcessSmsc.Submitted> capped = smsc.submitted().subList(2, smsc.submitted().size());
    assertThat(capped).hasSize(3);
    assertThat(capped.get(2).text()).endsWith("…");
  }

  @Test
  void theCentresReceiptAndACitizensTdReplyComeBack() throws Exception {
    String messageId = sender.send(text("工单号WH20261123000001")).get(0);

    smsc.receipt(messageId, DeliveryReceiptState.DELIVRD);
    smsc.reply("8613700001111", "退订");

    await().atMost(WAIT).until(() -> receipts.contains(messageId + " DELIVRD"));
    await().atMost(WAIT).until(() -> replies.contains("8613700001111 退订"));
  }

  @Test
  void aLostConnectionIsBoundAgainAndACentreThatIsDownIsUnavailableNotARefusal() throws Exception {
    assertThat(sender.ready()).as("not bound yet").isFalse();
    sender.start();
    await().atMost(WAIT).until(() -> smsc.binds() == 1);
    await().atMost(WAIT).until(sender::ready);

    smsc.dropConnections();
    await().atMost(WAIT).until(() -> smsc.binds() == 2); // the periodic check binds again by itself
    sender.send(text("第二条"));
    assertThat(smsc.submitted()).extracting(InProcessSmsc.Submitted::text).containsExactly("第二条");

    smsc.close();
    await().atMost(WAIT).until(() -> !sender.ready());
    assertThatThrownBy(() -> sender.send(text("第三条"))).isInstanceOf(NotificationSender.CentreUnavailable.class)
        .hasMessageContaining("SMS centre unavailable");
  }
}
