package city.hotline.gateway.routing;

import city.hotline.gateway.traffic.TrafficSettings;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The client the routes pass requests on with (the gateway's routes use it instead of Spring's
 * default): Apache HttpClient 5, blocking on the request's virtual thread, which cost less CPU than
 * the JDK client's asynchronous machinery. It keeps a connection per request in progress to each
 * service, up to the gateway's own limits (requests and live streams): its default of five per service
 * made a queue in front of intake under load. A service silent for {@code read-timeout} is taken for
 * hung; a live stream is never silent that long, its heartbeat comes far more often, so a live stream whose
 * caller left is cut ({@link LiveStreamsCut}) rather than read to its end. It resends only
 * idempotent requests whose connection failed, never a POST, so a call is never registered twice
 * behind the operator's back.
 */
@Configuration(proxyBeanMethods = false)
class ProxyClient {

  @Bean
  ClientHttpRequestFactory proxyRequests(TrafficSettings traffic,
      @Value("${hotline.routes.connect-timeout}") Duration connectTimeout,
      @Value("${hotline.routes.idle-connection-timeout}") Duration idleTimeout,
      @Value("${hotline.routes.read-timeout}") Duration readTimeout) {
    int streams = traffic.streams().max();
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnPerRoute(traffic.maxInFlight() + streams)
        .setMaxConnTotal(3 * traffic.maxInFlight() + streams) // three services; the streams come from one
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            // A service may have closed a connection that sat idle; check it before sending on it again.
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build())
        .build();
    return new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
        .setConnectionManager(connections)
        .evictIdleConnections(TimeValue.of(idleTimeout))
        .disableRedirectHandling() // a service's redirect goes back to the caller as it is
        .addExecInterceptorFirst(LiveStreamsCut.NAME, new LiveStreamsCut()) // a stream the caller left ends at once
        .build());
  }
}
