package city.hotline.feedback.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre in the test's JVM, jsmpp's own server side: accepts binds, answers each submit_sm with a fresh
 * message id and keeps it, and sends deliver_sm back on request: a delivery receipt or a citizen's reply.
 */
public final class InProcessSmsc implements AutoCloseable {
  private static final int UNSUPPORTED = 0x00000003;
  /** SMPP 3.4 esme_rsyserr: the centre's own failure, as a busy or broken centre answers. */
  private static final int SYSTEM_ERROR = 0x00000008;
  private static final long BIND_WAIT_MILLIS = 5000;

  private final SMPPServerSessionListener listener;
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  private final AtomicInteger binds = new AtomicInteger();
  private final List<String> refuseNext = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final int port;
  private volatile boolean closed;

  /** A submit_sm as the centre took it, its text decoded (UCS-2, after any user data header). */
  public record Submitted(String messageId, String destination, String text, byte esmClass, byte dataCoding,
      byte registeredDelivery, byte[] shortMessage) {}

  /** A centre listening on a free port, for a static field. */
  public static InProcessSmsc start() {
    try {
      return new InProcessSmsc();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InProcessSmsc() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    listener = new SMPPServerSessionListener(port);
    listener.setMessageReceiverListener(new Receiver());
    Thread acceptor = new Thread(this::accept, "in-process-smsc");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return port;
  }

  /** The next submit_sm whose text contains this is refused (esme_rsyserr) and not kept; once per call. */
  public void refuseNext(String fragment) {
    refuseNext.add(fragment);
  }

  public int refused() {
    return refused.get();
  }

  public int binds() {
    return binds.get();
  }

  public List<Submitted> submitted() {
    return List.copyOf(submitted);
  }

  public List<Submitted> submittedTo(String destination) {
    return submitted.stream().filter(s -> s.destination().equals(destination)).toList();
  }

  /** The whole texts a number was sent, the parts of a long one joined as its phone would show them. */
  public List<String> textsTo(String destination) {
    List<String> texts = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    for (Submitted part : submittedTo(destination)) {
      joined.append(part.text());
      byte[] message = part.shortMessage();
      boolean last = !GSMSpecificFeature.UDHI.containedIn(part.esmClass()) || message[5] == message[4];
      if (last) {
        texts.add(joined.toString());
        joined.setLength(0);
      }
    }
    return texts;
  }

  /** A delivery receipt for a message, sent to the bound client. */
  public void receipt(String messageId, DeliveryReceiptState state) throws Exception {
    String body = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(),
        new Date(), state, "000", "").toString();
    session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "13700000000",
        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345",
        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
        new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), body.getBytes(StandardCharsets.US_ASCII),
        new OptionalParameter.Receipted_message_id(messageId));
  }

  /** A citizen's text to the service number (上行), in UCS-2. */
  public void reply(String from, String text) throws Exception {
    session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345", new ESMClass(), (byte) 0, (byte) 0,
        new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_UCS2), text.getBytes(StandardCharsets.UTF_16BE));
  }

  /** Closes every client connection, as a centre restarting would. */
  public void dropConnections() {
    sessions.forEach(SMPPServerSession::close);
    sessions.clear();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    dropConnections();
    listener.close();
  }

  private SMPPServerSession session() {
    return sessions.stream().filter(s -> s.getSessionState().isBound()).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no client bound to the in-process SMS centre"));
  }

  private void accept() {
    while (!closed) {
      try {
        SMPPServerSession session = listener.accept();
        BindRequest bind = session.waitForBind(BIND_WAIT_MILLIS);
        bind.accept("in-process-smsc");
        sessions.add(session);
        binds.incrementAndGet();
      } catch (Exception e) {
        // a client gone mid-bind, or the centre closing: the loop ends once closed
      }
    }
  }

  private final class Receiver implements ServerMessageReceiverListener {
    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
      try {
        String text = decode(submit);
        if (refuseNext.stream().anyMatch(text::contains)) {
          refuseNext.remove(refuseNext.stream().filter(text::contains).findFirst().orElseThrow());
          refused.incrementAndGet();
          throw new ProcessRequestException("refused as asked", SYSTEM_ERROR);
        }
        MessageId id = new MessageId(UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        submitted.add(new Submitted(id.getValue(), submit.getDestAddress(), text, submit.getEsmClass(),
            submit.getDataCoding(), submit.getRegisteredDelivery(), submit.getShortMessage()));
        return new SubmitSmResult(id, new OptionalParameter[0]);
      } catch (ProcessRequestException e) {
        throw e;
      } catch (Exception e) {
        throw new ProcessRequestException(e.getMessage(), UNSUPPORTED, e);
      }
    }

    private String decode(SubmitSm submit) {
      byte[] body = submit.getShortMessage();
      if (GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass())) {
        body = Arrays.copyOfRange(body, body[0] + 1, body.length);
      }
      return new String(body, StandardCharsets.UTF_16BE);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
        SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("not in this test centre", UNSUPPORTED);
    }
  }
}
