package city.hotline.infra.seed;

import city.hotline.infra.client.ApiClient;
import city.hotline.infra.seed.SeedPlan.Call;
import city.hotline.infra.seed.SeedPlan.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Plays the people of the hotline through the public API while the services' clocks run fast: the
 * operators log each planned call at its time, the bureaus claim, return, ask for time and resolve,
 * the desk re-routes and decides, the operators call back and citizens rate by link. Everything goes
 * through the gateway and the real pipeline; only the timing is the seeder's. Steps that would fall
 * after the simulated clock meets real time are left undone, as the backlog of a living system.
 */
final class Seeder {
  private static final Duration POLL = Duration.ofMillis(300);
  private static final int POLLS = 100;
  private static final int RETRIES = 5;
  private static final String OPERATOR = "operator";
  private static final String DISPATCHER = "dispatcher";
  private static final String ADMIN = "admin";

  private final ApiClient api;
  private final SimulatedTime time;
  private final WorkingHours work;
  private final List<Call> calls;
  private final Instant horizon;
  private final String runId;
  private final SeedReport report = new SeedReport();
  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(12);
  private final AtomicInteger pending = new AtomicInteger();
  private final Map<String, String> bureauUsers = new ConcurrentHashMap<>();
  private final Map<String, List<String>> openTickets = new ConcurrentHashMap<>();
  private final Random random;

  Seeder(ApiClient api, SimulatedTime time, ZoneId zone, List<Call> calls, long seed) {
    this.api = api;
    this.time = time;
    this.work = new WorkingHours(zone);
    this.calls = calls;
    this.horizon = time.caughtUpAt();
    this.runId = Long.toString(seed, 36) + "-" + Long.toString(time.from().toEpochMilli(), 36);
    this.random = new Random(seed);
  }

  /** Creates one bureau account per unit (seed.&lt;unit&gt;, the demo password), then plays every call. */
  SeedReport run(String password) throws InterruptedException {
    createBureauAccounts(password);
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      String key = "seed-" + runId + "-" + i;
      at(call.at(), () -> register(call, key, 1));
    }
    while (pending.get() > 0) {
      Thread.sleep(200);
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return report;
  }

  private void createBureauAccounts(String password) {
    ApiClient.Reply units = api.get(ADMIN, "/api/units");
    for (JsonNode unit : units.body()) {
      String id = unit.path("id").asString();
      String username = "seed." + id.toLowerCase().substring(0, Math.min(27, id.length()));
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("username", username);
      user.put("displayName", unit.path("name").asString() + "值班员");
      user.put("password", password);
      user.put("roles", List.of("BUREAU"));
      user.put("unitId", id);
      user.put("unitName", unit.path("name").asString());
      int status = api.post(ADMIN, "/api/admin/users", user).status();
      if (status != 201 && status != 409) {
        throw new IllegalStateException("cannot create the bureau account " + username + ": HTTP " + status);
      }
      bureauUsers.put(id, username);
    }
  }

  /** Runs {@code step} when the simulated clock shows {@code at}; a step after the horizon is left undone. */
  private void at(Instant at, Runnable step) {
    if (at.isAfter(horizon)) {
      report.count("left for later");
      return;
    }
    pending.incrementAndGet();
    pool.schedule(() -> {
      try {
        step.run();
      } catch (RuntimeException e) {
        report.count("failed: " + e.getClass().getSimpleName());
      } finally {
        pending.decrementAndGet();
      }
    }, time.realDelayUntil(at).toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Working time from {@code from}, or natural time for an emergency. */
  private Instant after(Instant from, Duration delay, Call call) {
    return call.emergency() ? from.plus(delay) : work.plus(from, delay);
  }

  /** Re-reads the case (as the desk) until it is as wanted, then goes on; gives up after half a minute. */
  private void whenCase(String ticket, Predicate<JsonNode> wanted, Consumer<JsonNode> then, int attempt) {
    ApiClient.Reply reply = api.get(DISPATCHER, "/api/cases/" + ticket);
    if (reply.ok() && wanted.test(reply.body())) {
      then.accept(reply.body());
    } else if (attempt < POLLS) {
      later(() -> whenCase(ticket, wanted, then, attempt + 1));
    } else {
      report.count("gave up waiting for a case");
    }
  }

  private void later(Runnable step) {
    pending.incrementAndGet();
    pool.schedule(() -> {
      try {
        step.run();
      } finally {
        pending.decrementAndGet();
      }
    }, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void register(Call call, String key, int attempt) {
    String original = call.duplicate() ? openTicket(call) : null;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("callerName", call.callerName());
    body.put("callerPhone", call.callerPhone());
    body.put("confidential", call.confidential());
    body.put("channel", "PHONE");
    body.put("type", call.consultation() ? "CONSULTATION" : "COMPLAINT");
    body.put("category", call.category());
    body.put("urgency", call.urgency());
    body.put("district", call.district());
    body.put("address", call.address());
    body.put("description", call.description());
    if (call.consultation()) {
      body.put("closeDirectly", true);
      body.put("answer", pick(SeedData.CONSULTATION_ANSWERS));
    }
    if (original != null) {
      body.put("duplicateOf", original);
    }
    ApiClient.Reply reply = api.post(OPERATOR, "/api/complaints", body, Map.of("Idempotency-Key", key));
    if (!reply.ok()) {
      if (attempt < RETRIES) {
        later(() -> register(call, key, attempt + 1));
      } else {
        report.count("registration refused");
      }
      return;
    }
    String ticket = reply.body().path("ticketId").asString();
    report.registered(ticket);
    report.count(call.consultation() ? "consultations answered" : original != null ? "duplicates merged" : "calls registered");
    if (call.consultation() || original != null) {
      return;
    }
    openTickets.computeIfAbsent(call.district() + "|" + call.category(), k -> new CopyOnWriteArrayList<>()).add(ticket);
    later(() -> whenCase(ticket, c -> "DISPATCHED".equals(c.path("state").asString()), c -> planFirstStep(call, ticket, c), 0));
  }

  private String openTicket(Call call) {
    List<String> open = openTickets.get(call.district() + "|" + call.category());
    return open == null || open.isEmpty() ? null : open.get(open.size() - 1);
  }

  /**
   * Plans from when the case was dispatched, not from when the seeder saw it: at the seeding's speed a
   * moment of polling is a long while in simulated time, and the unit's clock started at dispatch.
   */
  private void planFirstStep(Call call, String ticket, JsonNode kase) {
    String unit = kase.path("unitId").asString();
    Instant claimAt = after(dispatchedAt(kase), call.claimAfter(), call);
    if (call.returned()) {
      at(claimAt, () -> returnCase(call, ticket, unit));
    } else {
      at(claimAt, () -> claim(call, ticket, unit, 0, claimAt));
    }
  }

  private Instant dispatchedAt(JsonNode kase) {
    String at = kase.path("dispatchedAt").asString("");
    return at.isEmpty() ? time.now() : Instant.parse(at);
  }

  private void returnCase(Call call, String ticket, String unit) {
    ApiClient.Reply reply = api.post(bureau(unit), "/api/cases/" + ticket + "/return",
        Map.of("reason", "NOT_OUR_DISTRICT", "note", "经核实不属本辖区"));
    if (!reply.ok()) {
      report.count("return refused");
      return;
    }
    report.count("returned");
    String target = call.rerouteDistrict() + "_CGJ";
    String other = target.equals(unit) ? (unit.equals("WUCHANG_CGJ") ? "JIANGAN_CGJ" : "WUCHANG_CGJ") : target;
    at(work.plus(time.now(), Duration.ofMinutes(20 + random.nextInt(60))), () -> {
      ApiClient.Reply routed = api.post(DISPATCHER, "/api/cases/" + ticket + "/dispatch",
          Map.of("unitId", other, "note", "改派至属地单位"));
      report.count(routed.ok() ? "re-routed by the desk" : "re-route refused");
      if (routed.ok()) {
        Instant claimAt = after(dispatchedAt(routed.body()), call.claimAfter(), call);
        at(claimAt, () -> claim(call, ticket, other, 0, claimAt));
      }
    });
  }

  /** @param plannedAt when the claim was planned: the unit's answer is planned from it */
  private void claim(Call call, String ticket, String unit, int round, Instant plannedAt) {
    ApiClient.Reply reply = api.post(bureau(unit), "/api/cases/" + ticket + "/claim", Map.of());
    if (!reply.ok()) {
      report.count("claim refused");
      return;
    }
    report.count("claimed");
    Instant claimedAt = time.now();
    if (call.extension() && round == 0) {
      at(work.plus(claimedAt, Duration.ofMinutes(60 + random.nextInt(120))), () -> askForTime(call, ticket, unit, reply.body()));
    }
    at(after(plannedAt, call.resolveAfter(), call), () -> resolve(call, ticket, unit, round));
  }

  private void askForTime(Call call, String ticket, String unit, JsonNode kase) {
    Instant deadline = Instant.parse(kase.path("resolveDeadline").asString());
    ApiClient.Reply asked = api.post(bureau(unit), "/api/cases/" + ticket + "/extension",
        Map.of("reason", "需协调相关部门现场处置", "requestedDeadline", work.plus(deadline, Duration.ofHours(15)).toString()));
    if (!asked.ok()) {
      report.count("extension refused");
      return;
    }
    report.count("extensions asked");
    at(work.plus(time.now(), Duration.ofMinutes(30)), () -> {
      boolean approve = call.extensionApproved();
      ApiClient.Reply decided = api.post(DISPATCHER, "/api/cases/" + ticket + "/extension/" + (approve ? "approve" : "reject"),
          Map.of("note", approve ? "同意延期" : "时限充足，请按期办结"));
      report.count(!decided.ok() ? "extension decision refused" : approve ? "extensions approved" : "extensions rejected");
    });
  }

  private void resolve(Call call, String ticket, String unit, int round) {
    ApiClient.Reply reply = api.post(bureau(unit), "/api/cases/" + ticket + "/resolve", Map.of("reply", pick(SeedData.REPLIES)));
    if (!reply.ok()) {
      report.count("resolve refused");
      return;
    }
    report.count("resolved");
    openTickets.computeIfPresent(call.district() + "|" + call.category(), (k, open) -> {
      open.remove(ticket);
      return open;
    });
    Verdict verdict = round == 0 ? call.verdict() : random.nextBoolean() ? Verdict.SATISFIED : Verdict.BASICALLY_SATISFIED;
    if (verdict == Verdict.NO_RESPONSE) {
      report.count("left to time out (NO_RESPONSE)");
      return;
    }
    at(work.plus(time.now(), call.visitAfter()), () -> whenVisitOpen(ticket, 0, () -> visit(call, ticket, unit, verdict, round, 0)));
  }

  private void whenVisitOpen(String ticket, int attempt, Runnable then) {
    ApiClient.Reply visit = api.get(OPERATOR, "/api/visits/" + ticket);
    if (visit.ok() && "OPEN".equals(visit.body().path("state").asString())) {
      then.run();
    } else if (attempt < POLLS) {
      later(() -> whenVisitOpen(ticket, attempt + 1, then));
    } else {
      report.count("gave up waiting for a visit");
    }
  }

  private void visit(Call call, String ticket, String unit, Verdict verdict, int round, int failedCalls) {
    if (verdict == Verdict.UNREACHABLE) {
      ApiClient.Reply attempt = api.post(OPERATOR, "/api/visits/" + ticket + "/attempts", Map.of("reached", false));
      report.count(attempt.ok() ? "visit calls unanswered" : "visit refused");
      if (attempt.ok() && failedCalls < 2) {
        at(work.plus(time.now(), Duration.ofMinutes(120)), () -> visit(call, ticket, unit, verdict, round, failedCalls + 1));
      }
      return;
    }
    Map<String, Object> rating = new LinkedHashMap<>();
    rating.put("satisfaction", verdict.name());
    rating.put("score", verdict == Verdict.SATISFIED ? 5 : verdict == Verdict.BASICALLY_SATISFIED ? 4 : 2);
    rating.put("solved", verdict != Verdict.DISSATISFIED);
    boolean rated = call.byLink() ? rateByLink(ticket, rating) : rateByPhone(ticket, rating);
    if (rated && verdict == Verdict.DISSATISFIED) {
      report.count("reopened (dissatisfied)");
      whenCase(ticket, c -> "DISPATCHED".equals(c.path("state").asString()) && c.path("reopenCount").asInt() > round,
          c -> {
            Instant claimAt = after(dispatchedAt(c), call.claimAfter(), call);
            at(claimAt, () -> claim(call, ticket, c.path("unitId").asString(), round + 1, claimAt));
          },
          0);
    }
  }

  private boolean rateByPhone(String ticket, Map<String, Object> rating) {
    Map<String, Object> attempt = new LinkedHashMap<>(rating);
    attempt.put("reached", true);
    ApiClient.Reply reply = api.post(OPERATOR, "/api/visits/" + ticket + "/attempts", attempt);
    report.count(reply.ok() ? "rated by phone: " + rating.get("satisfaction") : "visit refused");
    return reply.ok();
  }

  private boolean rateByLink(String ticket, Map<String, Object> rating) {
    ApiClient.Reply link = api.post(OPERATOR, "/api/visits/" + ticket + "/rating-link", Map.of());
    if (!link.ok()) {
      report.count("rating link refused");
      return false;
    }
    String url = link.body().path("url").asString();
    Map<String, Object> body = new LinkedHashMap<>(rating);
    body.put("token", url.substring(url.indexOf('#') + 1));
    ApiClient.Reply reply = api.postAnonymous("/api/public/ratings", body);
    report.count(reply.ok() ? "rated by link: " + rating.get("satisfaction") : "link rating refused");
    return reply.ok();
  }

  private String bureau(String unit) {
    String user = bureauUsers.get(unit);
    if (user == null) {
      throw new IllegalStateException("no bureau account for unit " + unit);
    }
    return user;
  }

  private synchronized <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
