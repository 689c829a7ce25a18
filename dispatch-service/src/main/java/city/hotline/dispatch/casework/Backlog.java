package city.hotline.dispatch.casework;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 积压 and 当前超期 for the leadership dashboard: the open cases now, by state, unit and district, and
 * how many are past their current deadline. A query on the cases in open states (the {state, deadline}
 * index), reading only the fields it counts, so it costs what the open work costs however long the history.
 */
@RestController
class Backlog {
  private static final List<CaseState> OPEN = Stream.concat(CaseState.WITH_UNIT.stream(), CaseState.AT_DESK.stream())
      .toList();

  private final CaseRepository cases;
  private final CaseWrites writes;

  Backlog(CaseRepository cases, CaseWrites writes) {
    this.cases = cases;
    this.writes = writes;
  }

  record UnitBacklog(String unitId, String name, long open, long overdue) {}

  record DistrictBacklog(String code, long open, long overdue) {}

  record Answer(Instant at, long total, long overdue, Map<CaseState, Long> byState, List<UnitBacklog> byUnit,
      List<DistrictBacklog> byDistrict) {}

  @GetMapping("/api/dashboard/backlog")
  Answer backlog(@RequestParam(required = false) String district, @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category) {
    Instant now = writes.now();
    List<Bson> conditions = new ArrayList<>();
    given(conditions, Case.DISTRICT, district);
    given(conditions, Case.UNIT_ID, unitId);
    given(conditions, Case.CATEGORY, category);
    List<Case> open = cases.counted(OPEN, conditions);
    Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
    OPEN.forEach(s -> byState.put(s, 0L));
    Map<String, long[]> units = new TreeMap<>();
    Map<String, String> unitNames = new LinkedHashMap<>();
    Map<String, long[]> districts = new TreeMap<>();
    long overdue = 0;
    for (Case kase : open) {
      boolean late = kase.deadline() != null && now.isAfter(kase.deadline());
      overdue += late ? 1 : 0;
      byState.merge(kase.state(), 1L, Long::sum);
      if (kase.unitId() != null) {
        add(units, kase.unitId(), late);
        unitNames.put(kase.unitId(), kase.unitName());
      }
      add(districts, kase.district(), late);
    }
    List<UnitBacklog> byUnit = new ArrayList<>();
    units.forEach((id, n) -> byUnit.add(new UnitBacklog(id, unitNames.get(id), n[0], n[1])));
    byUnit.sort(Comparator.comparing(UnitBacklog::open, Comparator.reverseOrder()).thenComparing(UnitBacklog::unitId));
    List<DistrictBacklog> byDistrict = new ArrayList<>();
    districts.forEach((code, n) -> byDistrict.add(new DistrictBacklog(code, n[0], n[1])));
    return new Answer(now, open.size(), overdue, byState, byUnit, byDistrict);
  }

  private static void given(List<Bson> conditions, String field, String value) {
    if (value != null && !value.isBlank()) {
      conditions.add(Filters.eq(field, value));
    }
  }

  private static void add(Map<String, long[]> counts, String key, boolean overdue) {
    long[] n = counts.computeIfAbsent(key, k -> new long[2]);
    n[0]++;
    n[1] += overdue ? 1 : 0;
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {
    @Bean
    ApiAccessRules backlogRules() {
      return rules -> rules.requestMatchers("/api/dashboard/backlog").hasRole(Role.LEADER.name());
    }
  }
}
