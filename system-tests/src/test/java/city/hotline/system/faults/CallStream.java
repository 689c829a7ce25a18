package city.hotline.system.faults;

import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of work while a test breaks things: a call-taker registers a call every {@link #PACE_MILLIS}
 * (江岸区 street lighting, routed to 江岸区城管局) and the bureau claims the calls dispatched to it, oldest
 * first. Records what the system acknowledged (201 registrations, 200 claims) and what it refused, so a
 * test can tell "refused while down" (the caller retries) from "acknowledged and then lost".
 */
final class CallStream implements AutoCloseable {
  static final long PACE_MILLIS = 100;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final HttpJson operator;
  private final HttpJson bureau;
  private final Thread worker;
  private final List<String> registered = new CopyOnWriteArrayList<>();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  private final List<Integer> refusals = new CopyOnWriteArrayList<>();
  private final Deque<String> toClaim = new ArrayDeque<>();
  private volatile boolean running = true;

  CallStream(Settings settings) {
    this.operator = Reconciled.signIn(settings, "operator");
    this.bureau = Reconciled.signIn(settings, "jiangan");
    this.worker = new Thread(this::run, "call-stream");
    worker.start();
  }

  private void run() {
    while (running) {
      register();
      claimOne();
      try {
        Thread.sleep(PACE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void register() {
    int n = SEQUENCE.incrementAndGet();
    Map<String, Object> call = Map.of(
        "callerName", "测试", "callerPhone", "139%08d".formatted(n), "district", "JIANGAN",
        "category", "STREET_LIGHTING", "urgency", "NORMAL",
        "address", "江岸区解放大道" + n + "号", "description", "第" + n + "盏路灯不亮");
    Reply reply = call(() -> operator.post("/api/complaints", call));
    if (reply != null && reply.status() == 201) {
      String ticket = reply.body().path("ticketId").asString();
      registered.add(ticket);
      toClaim.add(ticket);
    } else {
      refusals.add(reply == null ? -1 : reply.status());
    }
  }

  /** Claims the oldest unclaimed call; one not dispatched yet (404) or a refusal leaves it for the next turn. */
  private void claimOne() {
    String ticket = toClaim.peek();
    if (ticket == null) {
      return;
    }
    Reply reply = call(() -> bureau.post("/api/cases/" + ticket + "/claim", ""));
    if (reply != null && reply.status() == 200) {
      claimed.add(ticket);
      toClaim.poll();
    } else if (reply != null && reply.status() == 409) {
      toClaim.poll(); // claimed already: an earlier try went through though its answer was lost
      claimed.add(ticket);
    }
  }

  /** A call that could not reach the gateway at all (it is being killed) counts as refused. */
  private static Reply call(java.util.function.Supplier<Reply> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  List<String> registered() {
    return new ArrayList<>(registered);
  }

  Set<String> claimed() {
    return Set.copyOf(claimed);
  }

  /** HTTP statuses of refused registrations (-1: no answer at all). */
  List<Integer> refusals() {
    return new ArrayList<>(refusals);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    worker.join();
  }
}
