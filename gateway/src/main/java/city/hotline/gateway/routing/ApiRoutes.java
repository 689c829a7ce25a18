package city.hotline.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** Which service answers which part of the public API (SPEC §7), and what the caller gets when it does not answer. */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {
  private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  /** A service that is down or unreachable: a clear 503 problem the client can retry, not a bare 500. */
  static ServerResponse serviceUnavailable(Throwable error, ServerRequest request) {
    log.warn("service behind {} unavailable: {}", request.path(), error.toString());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The service that answers " + request.path() + " is not reachable right now. Please retry shortly.");
    problem.setTitle("Service unavailable");
    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @Bean
  RouterFunction<ServerResponse> intakeRoutes(ServiceUrls urls) {
    return route("intake")
        .route(path("/api/complaints/**").or(path("/api/reference/**"))
            .or(path("/api/knowledge/**")).or(path("/api/admin/suggestions/**"))
            // partners (Open311, webhooks) and the citizens' own page
            .or(path("/open311/**")).or(path("/api/admin/partners/**"))
            .or(path("/api/public/progress")).or(path("/api/public/reports"))
            .or(path("/api/public/reference")), http())
        .before(uri(urls.intakeUrl()))
        .onError(ResourceAccessException.class, ApiRoutes::serviceUnavailable)
        .build();
  }

  @Bean
  RouterFunction<ServerResponse> dispatchRoutes(ServiceUrls urls) {
    return route("dispatch")
        .route(path("/api/cases/**").or(path("/api/units")).or(path("/api/dashboard/backlog"))
            .or(path("/api/admin/routing-rules/**"))
            .or(path("/api/admin/units/**")).or(path("/api/admin/calendar/**")), http())
        .before(uri(urls.dispatchUrl()))
        .onError(ResourceAccessException.class, ApiRoutes::serviceUnavailable)
        .build();
  }

  @Bean
  RouterFunction<ServerResponse> feedbackRoutes(ServiceUrls urls) {
    return route("feedback")
        .route(path("/api/visits/**").or(path("/api/dashboard/**").and(path("/api/dashboard/backlog").negate()))
            .or(path("/api/public/ratings/**"))
            .or(path("/api/admin/stats/**")), http())
        .before(uri(urls.feedbackUrl()))
        .onError(ResourceAccessException.class, ApiRoutes::serviceUnavailable)
        .build();
  }
}
