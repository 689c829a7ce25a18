package city.hotline.gateway.operability;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Spans go to an OpenTelemetry collector only when one is named ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * read as {@code hotline.tracing.otlp-endpoint}); without it no exporter exists and nothing is sent.
 * Spring Boot's own endpoint property wants the full traces URL, while the OpenTelemetry variable is
 * the collector's base URL: the traces path is added here, as every OpenTelemetry SDK does.
 */
@Configuration(proxyBeanMethods = false)
class OtlpTraceExport {
  static final String ENDPOINT = "hotline.tracing.otlp-endpoint";
  static final String TRACES_PATH = "/v1/traces";

  @Bean
  @Conditional(EndpointGiven.class)
  OtlpTracingConnectionDetails otlpTraceCollector(Environment environment) {
    String base = environment.getRequiredProperty(ENDPOINT).strip();
    return transport -> tracesUrl(base, transport);
  }

  /** OTLP over HTTP posts to a path per signal; over gRPC the base address is the whole of it. */
  static String tracesUrl(String base, Transport transport) {
    if (transport == Transport.GRPC) {
      return base;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TRACES_PATH;
  }

  /** Set and not blank: an empty variable (as a compose file may pass) means no collector. */
  static final class EndpointGiven implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty(ENDPOINT));
    }
  }
}
