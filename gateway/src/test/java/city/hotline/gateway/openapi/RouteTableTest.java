package city.hotline.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/** The route table read from route beans built as ApiRoutes builds them: ids, alternatives and exclusions. */
class RouteTableTest {
  private static final RouterFunction<ServerResponse> INTAKE = route("intake")
      .route(path("/api/complaints/**").or(path("/open311/**")).or(path("/api/public/progress")), http())
      .before(uri("http://intake"))
      .build();
  private static final RouterFunction<ServerResponse> DISPATCH = route("dispatch")
      .route(path("/api/cases/**").or(path("/api/dashboard/backlog")), http())
      .before(uri("http://dispatch"))
      .build();
  private static final RouterFunction<ServerResponse> FEEDBACK = route("feedback")
      .route(path("/api/visits/**").or(path("/api/dashboard/**").and(path("/api/dashboard/backlog").negate())), http())
      .before(uri("http://feedback"))
      .build();
  private final RouteTable table = RouteTable.of(List.of(INTAKE, DISPATCH, FEEDBACK));

  @Test
  void eachPathGoesToTheServiceWhoseRouteMatchesIt() {
    assertThat(table.routes()).containsExactly("intake", "dispatch", "feedback");
    assertThat(table.routeFor("/api/complaints")).contains("intake");
    assertThat(table.routeFor("/api/complaints/x/merge")).contains("intake");
    assertThat(table.routeFor("/open311/v2/services.x")).contains("intake");
    assertThat(table.routeFor("/api/cases/x/claim")).contains("dispatch");
    assertThat(table.routeFor("/api/dashboard/summary")).contains("feedback");
  }

  @Test
  void anExclusionSendsThePathElsewhereAndUnroutedPathsBelongToNoService() {
    assertThat(table.routeFor("/api/dashboard/backlog")).contains("dispatch");
    assertThat(table.routeFor("/api/public/progress/x")).isEmpty();
    assertThat(table.routeFor("/v3/api-docs")).isEmpty();
    assertThat(table.routeFor("/api/admin/books")).isEmpty();
    assertThat(table.routeFor("/api/auth/login")).isEmpty();
  }

  @Test
  void aRoutesPatternsAreTheOnesThatLeadToIt() {
    assertThat(table.patterns("feedback")).containsExactly("/api/visits/**", "/api/dashboard/**");
    assertThat(table.patterns("intake")).containsExactly("/api/complaints/**", "/open311/**", "/api/public/progress");
  }
}
