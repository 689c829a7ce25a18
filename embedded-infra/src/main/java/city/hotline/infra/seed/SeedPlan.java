package city.hotline.infra.seed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The calls of a period and what will happen to each, drawn from a seeded random source so a run can be
 * repeated. Shares (of the calls that reach that step): 8 % consultations answered on the phone, 6 %
 * repeats of an open ticket, 3 % emergencies (more for gas and manholes), 6 % returned by the first
 * unit, 5 % extensions asked (4 in 5 approved), 6 % planned to be claimed late, 8 % resolved late (at
 * the seeding's speed a busy morning makes more of them late: the requests take real time); at the return visit
 * 68 % satisfied, 17 % basically satisfied, 5 % dissatisfied (reopened once), 5 % unreachable, 5 % never
 * reached before the deadline; 15 % of ratings come through the citizen's link.
 */
final class SeedPlan {
  enum Verdict { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE, NO_RESPONSE }

  /**
   * One call and its fate. Delays count working time, except an emergency's, which count natural time.
   *
   * @param claimAfter from dispatch to the claim; {@code resolveAfter} from the claim to the resolution
   * @param visitAfter from the resolution to the return visit (working time)
   */
  record Call(Instant at, String district, String category, String urgency, boolean consultation,
      boolean duplicate, String callerName, String callerPhone, boolean confidential, String address,
      String description, boolean returned, String rerouteDistrict, boolean extension, boolean extensionApproved,
      Duration claimAfter, Duration resolveAfter, Duration visitAfter, Verdict verdict, boolean byLink) {
    boolean emergency() {
      return "EMERGENCY".equals(urgency);
    }
  }

  private SeedPlan() {}

  static List<Call> of(LocalDate firstDay, int days, int callsPerDay, ZoneId zone, long seed) {
    Random random = new Random(seed);
    List<Call> calls = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      LocalDate day = firstDay.plusDays(d);
      double factor = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.7 : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1;
      int count = (int) Math.round(callsPerDay * factor * (0.85 + 0.3 * random.nextDouble()));
      for (int i = 0; i < count; i++) {
        int hour = weighted(random, SeedData.HOURLY);
        Instant at = day.atStartOfDay(zone).plusHours(hour).plusSeconds(random.nextInt(3600)).toInstant();
        calls.add(call(at, random));
      }
    }
    calls.sort(Comparator.comparing(Call::at));
    return calls;
  }

  private static Call call(Instant at, Random r) {
    SeedData.District district = SeedData.DISTRICTS.get(weighted(r, SeedData.DISTRICTS.stream().mapToInt(SeedData.District::weight).toArray()));
    SeedData.Category category = SeedData.CATEGORIES.get(weighted(r, SeedData.CATEGORIES.stream().mapToInt(SeedData.Category::weight).toArray()));
    boolean consultation = r.nextDouble() < 0.08;
    String urgency = consultation ? "NORMAL"
        : r.nextDouble() < category.emergencyShare() + 0.02 ? "EMERGENCY" : r.nextDouble() < 0.17 ? "URGENT" : "NORMAL";
    boolean emergency = urgency.equals("EMERGENCY");
    String street = pick(r, district.streets());
    String description = pick(r, category.descriptions());
    String name = pick(r, SeedData.SURNAMES) + pick(r, SeedData.GIVEN_NAMES);
    String phone = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
    boolean lateClaim = r.nextDouble() < 0.06;
    boolean lateResolve = r.nextDouble() < 0.08;
    Duration claimAfter = emergency
        ? minutes(r, lateClaim ? 35 : 3, lateClaim ? 60 : 25)
        : minutes(r, lateClaim ? 130 : 3, lateClaim ? 240 : 40);
    Duration resolveAfter = emergency
        ? minutes(r, lateResolve ? 125 : 20, lateResolve ? 240 : 100)
        : urgency.equals("URGENT") ? minutes(r, lateResolve ? 460 : 60, lateResolve ? 900 : 400)
        : minutes(r, lateResolve ? 2300 : 120, lateResolve ? 3200 : 2000);
    double v = r.nextDouble();
    Verdict verdict = v < 0.68 ? Verdict.SATISFIED : v < 0.85 ? Verdict.BASICALLY_SATISFIED
        : v < 0.90 ? Verdict.DISSATISFIED : v < 0.95 ? Verdict.UNREACHABLE : Verdict.NO_RESPONSE;
    boolean returned = !emergency && r.nextDouble() < 0.06;
    return new Call(at, district.code(), category.code(), urgency, consultation, !consultation && r.nextDouble() < 0.06,
        name, phone, r.nextDouble() < 0.05, street + (1 + r.nextInt(900)) + "号",
        description, returned, returned ? pick(r, SeedData.DISTRICTS).code() : null, r.nextDouble() < 0.05,
        r.nextDouble() < 0.8, claimAfter, resolveAfter, minutes(r, 60, 900), verdict, r.nextDouble() < 0.15);
  }

  private static Duration minutes(Random r, int from, int to) {
    return Duration.ofMinutes(from + r.nextInt(Math.max(1, to - from)));
  }

  private static <T> T pick(Random r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  static int weighted(Random r, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
