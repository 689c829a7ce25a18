package city.hotline.support.tracing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Spans leave the service only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector (the variable every
 * OpenTelemetry SDK reads, e.g. {@code http://collector:4318}). Boot exports as soon as
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is present at all, and a placeholder cannot leave
 * it absent; without a collector the exporter would only fill the log with failed exports. With it, traces go
 * to the endpoint's {@code /v1/traces} over HTTP (the SDKs' rule), or to the endpoint itself with
 * {@code management.opentelemetry.tracing.export.otlp.transport=grpc}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OtlpTraceExport.EndpointGiven.class)
public class OtlpTraceExport {
  static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

  @Bean
  @ConditionalOnMissingBean
  OtlpTracingConnectionDetails otlpTracingFromEnvironment(@Value("${" + ENDPOINT + "}") String endpoint) {
    return transport -> url(endpoint, transport);
  }

  static String url(String endpoint, Transport transport) {
    String base = endpoint.trim();
    if (transport == Transport.GRPC) {
      return base;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
  }

  static final class EndpointGiven extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty(ENDPOINT))
          ? ConditionOutcome.match(ENDPOINT + " is set")
          : ConditionOutcome.noMatch(ENDPOINT + " is not set: spans are not exported");
    }
  }
}
