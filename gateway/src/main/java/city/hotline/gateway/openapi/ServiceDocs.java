package city.hotline.gateway.openapi;

import city.hotline.gateway.routing.ServiceUrls;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads each service's own description of its API, with the caller's token, as every other request to it goes. */
final class ServiceDocs {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A service that did not describe itself: the contract is not built without it. */
  static final class Unavailable extends RuntimeException {
    final String service;

    Unavailable(String service, Exception cause) {
      super(service + " did not describe its API (" + cause.getMessage() + ")", cause);
      this.service = service;
    }
  }

  private final Map<String, URI> bases;
  private final String path;
  private final RestClient http;

  /**
   * @param routes the gateway's route ids, each the name of the service behind it (ApiRoutes: intake, dispatch,
   *     feedback)
   */
  ServiceDocs(ServiceUrls urls, Set<String> routes, ApiDocsSettings settings) {
    Map<String, URI> known = Map.of("intake", urls.intakeUrl(), "dispatch", urls.dispatchUrl(),
        "feedback", urls.feedbackUrl());
    this.bases = new LinkedHashMap<>();
    for (String route : routes) {
      URI base = known.get(route);
      if (base == null) {
        throw new IllegalStateException("route " + route + " names no service of hotline.routes");
      }
      bases.put(route, base);
    }
    this.path = settings.servicePath();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(settings.timeout());
    this.http = RestClient.builder().requestFactory(requests).build();
  }

  /**
   * Each service's document by its route id, in the routes' order. Read at once from all of them: a service builds its
   * description on the first request, which takes seconds, and the caller should wait for the slowest, not the sum.
   */
  Map<String, JsonNode> read(String authorization) {
    ExecutorService readers = Executors.newFixedThreadPool(bases.size());
    try {
      Map<String, Future<JsonNode>> reading = new LinkedHashMap<>();
      bases.forEach((service, base) -> reading.put(service, readers.submit(() -> read(service, base, authorization))));
      Map<String, JsonNode> docs = new LinkedHashMap<>();
      for (Map.Entry<String, Future<JsonNode>> doc : reading.entrySet()) {
        docs.put(doc.getKey(), doc.getValue().get());
      }
      return docs;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Unavailable unavailable ? unavailable : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the services' API descriptions", e);
    } finally {
      readers.shutdownNow();
    }
  }

  private JsonNode read(String service, URI base, String authorization) {
    try {
      String body = http.get().uri(base.resolve(path)).header(HttpHeaders.AUTHORIZATION, authorization)
          .retrieve().body(String.class);
      return JSON.readTree(body);
    } catch (RestClientException | JacksonException e) {
      throw new Unavailable(service, e);
    }
  }
}
