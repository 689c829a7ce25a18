package city.hotline.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/** Which service answers which part of the public API (SPEC §7). */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

  @Bean
  RouterFunction<ServerResponse> intakeRoutes(ServiceUrls urls) {
    return route("intake")
        .route(path("/api/complaints/**").or(path("/api/reference/**")), http())
        .before(uri(urls.intakeUrl()))
        .build();
  }

  @Bean
  RouterFunction<ServerResponse> dispatchRoutes(ServiceUrls urls) {
    return route("dispatch")
        .route(path("/api/cases/**"), http())
        .before(uri(urls.dispatchUrl()))
        .build();
  }

  @Bean
  RouterFunction<ServerResponse> feedbackRoutes(ServiceUrls urls) {
    return route("feedback")
        .route(path("/api/visits/**").or(path("/api/dashboard/**")), http())
        .before(uri(urls.feedbackUrl()))
        .build();
  }
}
