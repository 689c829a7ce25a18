package city.hotline.gateway.openapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param servicePath where each service describes its own API (springdoc's {@code /v3/api-docs}); the gateway reads it
 *     with the caller's token and never routes it
 * @param timeout how long a service may take to describe itself (it builds the description on the first request)
 * @param cacheFor how long a merged contract is served before it is built again (the services' APIs change when they
 *     are deployed, not while they run); zero builds it for every request
 * @param document the contract's fixed parts as data: its {@code info} and the request examples (SPEC §7 bodies)
 */
@ConfigurationProperties("hotline.api-docs")
record ApiDocsSettings(String servicePath, Duration timeout, Duration cacheFor, Resource document) {}
