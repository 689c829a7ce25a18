package city.hotline.gateway.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which service the gateway passes a path on to, read from its route beans themselves (their predicates, visited),
 * so the contract follows the routes rather than a second list kept by hand. A route is named by its id
 * ({@code route("intake")}), which is also the service's name in the contract.
 */
final class RouteTable {
  private final Map<String, List<PathRule>> rulesByRoute;

  private RouteTable(Map<String, List<PathRule>> rulesByRoute) {
    this.rulesByRoute = rulesByRoute;
  }

  static RouteTable of(List<? extends RouterFunction<?>> routes) {
    Map<String, List<PathRule>> rules = new LinkedHashMap<>();
    for (RouterFunction<?> route : routes) {
      Collector collector = new Collector();
      route.accept(collector);
      collector.found.forEach((id, found) -> rules.computeIfAbsent(id, k -> new ArrayList<>()).addAll(found));
    }
    return new RouteTable(rules);
  }

  /** The route (service) a concrete path goes to, if any. */
  Optional<String> routeFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return rulesByRoute.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(rule -> rule.matches(container)))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The routes' ids, i.e. the services behind the gateway. */
  Set<String> routes() {
    return rulesByRoute.keySet();
  }

  /** A route's path patterns that lead to it (not those it excludes). */
  List<String> patterns(String route) {
    List<String> patterns = new ArrayList<>();
    rulesByRoute.getOrDefault(route, List.of()).forEach(rule -> rule.collectPatterns(patterns));
    return patterns;
  }

  /** A route predicate as far as paths go; anything else a predicate looks at (method, header) is taken as met. */
  sealed interface PathRule {
    boolean matches(PathContainer path);

    default void collectPatterns(List<String> into) {}

    record Pattern(PathPattern pattern) implements PathRule {
      public boolean matches(PathContainer path) {
        return pattern.matches(path);
      }

      public void collectPatterns(List<String> into) {
        into.add(pattern.getPatternString());
      }
    }

    record AnyOf(List<PathRule> rules) implements PathRule {
      public boolean matches(PathContainer path) {
        return rules.stream().anyMatch(r -> r.matches(path));
      }

      public void collectPatterns(List<String> into) {
        rules.forEach(r -> r.collectPatterns(into));
      }
    }

    record AllOf(List<PathRule> rules) implements PathRule {
      public boolean matches(PathContainer path) {
        return rules.stream().allMatch(r -> r.matches(path));
      }

      public void collectPatterns(List<String> into) {
        rules.forEach(r -> r.collectPatterns(into));
      }
    }

    record Not(PathRule rule) implements PathRule {
      public boolean matches(PathContainer path) {
        return !rule.matches(path);
      }
    }

    record Always() implements PathRule {
      public boolean matches(PathContainer path) {
        return true;
      }
    }
  }

  /**
   * Visits one route bean: each of its routes' predicates, under the route id its attributes carry (visited before
   * the routes they wrap; routes seen before any id wait for the next one).
   */
  private static final class Collector implements RouterFunctions.Visitor {
    final Map<String, List<PathRule>> found = new LinkedHashMap<>();
    private final List<PathRule> pending = new ArrayList<>();
    private String currentId;

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
      PredicateReader reader = new PredicateReader();
      predicate.accept(reader);
      if (currentId == null) {
        pending.add(reader.result());
      } else {
        found.get(currentId).add(reader.result());
      }
    }

    @Override
    public void attributes(Map<String, Object> attributes) {
      Object id = attributes.get(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
      if (id != null) {
        currentId = id.toString();
        found.computeIfAbsent(currentId, k -> new ArrayList<>()).addAll(pending);
        pending.clear();
      }
    }

    @Override
    public void startNested(RequestPredicate predicate) {}

    @Override
    public void endNested(RequestPredicate predicate) {}

    @Override
    public void resources(Function<ServerRequest, Optional<Resource>> lookup) {}

    @Override
    public void unknown(RouterFunction<?> routerFunction) {}
  }

  /** Builds a {@link PathRule} from a predicate's visit: and/or/negate groups on a stack. */
  private static final class PredicateReader implements RequestPredicates.Visitor {
    private final Deque<List<PathRule>> groups = new ArrayDeque<>(List.of(new ArrayList<>()));

    PathRule result() {
      List<PathRule> top = groups.peek();
      return top.size() == 1 ? top.get(0) : new PathRule.AllOf(List.copyOf(top));
    }

    private void add(PathRule rule) {
      groups.peek().add(rule);
    }

    @Override
    public void path(String pattern) {
      add(new PathRule.Pattern(PathPatternParser.defaultInstance.parse(pattern)));
    }

    @Override
    public void method(Set<HttpMethod> methods) {
      add(new PathRule.Always());
    }

    @Override
    public void pathExtension(String extension) {
      add(new PathRule.Always());
    }

    @Override
    public void header(String name, String value) {
      add(new PathRule.Always());
    }

    @Override
    public void param(String name, String value) {
      add(new PathRule.Always());
    }

    @Override
    public void version(String version) {
      add(new PathRule.Always());
    }

    @Override
    public void unknown(RequestPredicate predicate) {
      add(new PathRule.Always());
    }

    @Override
    public void startAnd() {
      groups.push(new ArrayList<>());
    }

    @Override
    public void and() {}

    @Override
    public void endAnd() {
      List<PathRule> rules = groups.pop();
      add(new PathRule.AllOf(List.copyOf(rules)));
    }

    @Override
    public void startOr() {
      groups.push(new ArrayList<>());
    }

    @Override
    public void or() {}

    @Override
    public void endOr() {
      List<PathRule> rules = groups.pop();
      add(new PathRule.AnyOf(List.copyOf(rules)));
    }

    @Override
    public void startNegate() {
      groups.push(new ArrayList<>());
    }

    @Override
    public void endNegate() {
      List<PathRule> rules = groups.pop();
      add(new PathRule.Not(rules.size() == 1 ? rules.get(0) : new PathRule.AllOf(List.copyOf(rules))));
    }
  }
}
