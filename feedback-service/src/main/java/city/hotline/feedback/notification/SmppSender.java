package city.hotline.feedback.notification;

import city.hotline.support.PeriodicTask;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts through an SMS centre over SMPP 3.4 (jsmpp): one bound session, kept bound by a periodic check (a lost
 * connection is bound again every {@code reconnect-interval}, and a send finding it unbound binds first). Each text
 * goes as submit_sm in UCS-2 (Chinese), concatenated parts when long, with a delivery receipt requested for every
 * part. On a transceiver bind the centre's deliver_sm come back here: receipts and citizens' replies.
 */
class SmppSender extends PeriodicTask implements NotificationSender {
  private static final Logger log = LoggerFactory.getLogger(SmppSender.class);
  private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);
  private static final int REFERENCES = 256;
  /** SMPP 3.4 §5.1.2.1 esme_rinvcmdid: data_sm is not how this service takes replies. */
  private static final int INVALID_COMMAND = 0x00000003;
  /** SMPP 3.4 §5.2.14 priority_flag 0: a normal message (no bulk/urgent class asked of the centre). */
  private static final byte NORMAL_PRIORITY = 0;

  private final SmsSettings.Smpp settings;
  private final SmppInbound inbound;
  private final SecureRandom random = new SecureRandom();
  private final Object sessionLock = new Object();
  private final TypeOfNumber sourceTon;
  private final TypeOfNumber destinationTon;
  /** Written under sessionLock; read without it by {@link #ready()}, which must not wait for a bind under way. */
  private volatile SMPPSession session;

  SmppSender(SmsSettings.Smpp settings, SmppInbound inbound) {
    super("smpp-session", settings.reconnectInterval(), "SMS centre " + settings.host() + ":" + settings.port()
        + " cannot be bound, texts wait in the outbox");
    this.settings = settings;
    this.inbound = inbound;
    this.sourceTon = TypeOfNumber.valueOf(settings.sourceTon());
    this.destinationTon = TypeOfNumber.valueOf(settings.destinationTon());
  }

  @Override
  protected void runOnce() throws IOException {
    bound();
  }

  @Override
  public List<String> send(OutgoingText text) throws SendFailure {
    List<byte[]> segments = Segments.ucs2(text.body(), settings.maxParts(), random.nextInt(REFERENCES));
    ESMClass esm = segments.size() > 1
        ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI) : new ESMClass();
    List<String> messageIds = new ArrayList<>();
    try {
      synchronized (sessionLock) {
        SMPPSession bound = bound();
        for (byte[] segment : segments) {
          messageIds.add(bound.submitShortMessage(settings.serviceType(), sourceTon, NumberingPlanIndicator.UNKNOWN,
              settings.sourceAddress(), destinationTon, NumberingPlanIndicator.ISDN, text.mobile(), esm, (byte) 0,
              NORMAL_PRIORITY, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
              UCS2, (byte) 0, segment).getMessageId());
        }
      }
      return messageIds;
    } catch (IOException e) { // no connection, or it broke: the centre's state, not the text's
      throw new CentreUnavailable(
          "SMS centre unavailable " + progress(messageIds, segments) + ": " + e.getClass().getSimpleName(), e);
    } catch (NegativeResponseException e) {
      throw new SendFailure("submit_sm refused " + progress(messageIds, segments) + ": command status 0x"
          + Integer.toHexString(e.getCommandStatus()), e);
    } catch (Exception e) { // jsmpp's PDU, timeout and invalid-response failures; the class only (values may be quoted)
      throw new SendFailure(
          "submit_sm failed " + progress(messageIds, segments) + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static String progress(List<String> accepted, List<byte[]> segments) {
    return "after " + accepted.size() + " of " + segments.size() + " parts";
  }

  @Override
  public boolean ready() {
    SMPPSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  @Override
  public void stop() {
    super.stop();
    synchronized (sessionLock) {
      if (session != null) {
        session.unbindAndClose();
        session = null;
      }
    }
  }

  /** The session, bound now if it was not (never bound yet, or the connection was lost). */
  private SMPPSession bound() throws IOException {
    synchronized (sessionLock) {
      if (session != null && session.getSessionState().isBound()) {
        return session;
      }
      if (session != null) {
        session.close();
        session = null;
        log.warn("SMS centre connection lost, binding again host={} port={}", settings.host(), settings.port());
      }
      SMPPSession fresh = new SMPPSession(this::connect);
      fresh.setTransactionTimer(settings.timeout().toMillis());
      fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
      fresh.setMessageReceiverListener(new Receiver());
      try {
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(bindType(), settings.systemId(),
            settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
            settings.timeout().toMillis());
      } catch (IOException e) {
        fresh.close();
        throw e;
      }
      session = fresh;
      log.info("SMS centre bound host={} port={} bindType={}", settings.host(), settings.port(), settings.bindType());
      return session;
    }
  }

  /** jsmpp's own factory has no connect timeout: a centre that drops the packets would hold the send ~2 minutes. */
  private Connection connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) settings.connectTimeout().toMillis());
      return new SocketConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private BindType bindType() {
    return "transmitter".equals(settings.bindType()) ? BindType.BIND_TX : BindType.BIND_TRX;
  }

  /** deliver_sm from the centre: a receipt for one of our messages, or a citizen's reply. */
  private final class Receiver implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
      if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
        try {
          DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
          inbound.receipt(receiptedId(deliverSm, receipt), receipt.getFinalStatus().name(), receipt.getError());
        } catch (InvalidDeliveryReceiptException e) {
          log.warn("SMS centre sent a delivery receipt that cannot be read: {}", e.getMessage());
        }
      } else {
        inbound.reply(deliverSm.getSourceAddr(), decode(deliverSm));
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
      // alert_notification: a phone became reachable again; the centre retries its own messages
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("data_sm is not taken, replies come as deliver_sm", INVALID_COMMAND);
    }

    /** The optional receipted_message_id when the centre sends one (it is the authoritative id), else the text's id. */
    private String receiptedId(DeliverSm deliverSm, DeliveryReceipt receipt) {
      OptionalParameter.Receipted_message_id tag = deliverSm.getOptionalParameter(
          OptionalParameter.Receipted_message_id.class);
      return tag != null ? tag.getValueAsString() : receipt.getId();
    }

    private String decode(DeliverSm deliverSm) {
      byte[] body = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
      boolean ucs2 = Alphabet.parseDataCoding(deliverSm.getDataCoding()) == Alphabet.ALPHA_UCS2;
      return new String(body, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }
  }
}
