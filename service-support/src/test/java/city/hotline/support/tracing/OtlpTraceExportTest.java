package city.hotline.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spans leave the service for a collector only when OTEL_EXPORTER_OTLP_ENDPOINT names one. */
class OtlpTraceExportTest {
  private final ApplicationContextRunner service = new ApplicationContextRunner()
      .withUserConfiguration(OtlpTraceExport.class)
      .withConfiguration(AutoConfigurations.of(OtlpTracingAutoConfiguration.class));

  @Test
  void withoutACollectorNamedNoSpanIsExported() {
    service.run(context -> assertThat(context).doesNotHaveBean(SpanExporter.class));
    service.withPropertyValues(OtlpTraceExport.ENDPOINT + "= ")
        .run(context -> assertThat(context).doesNotHaveBean(SpanExporter.class));
  }

  @Test
  void aCollectorNamedTheOpenTelemetryWayReceivesTheSpansOnItsTracesPath() {
    service.withPropertyValues(OtlpTraceExport.ENDPOINT + "=http://collector:4318/").run(context -> {
      assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
      OtlpTracingConnectionDetails details = context.getBean(OtlpTracingConnectionDetails.class);
      assertThat(details.getUrl(Transport.HTTP)).isEqualTo("http://collector:4318/v1/traces");
      assertThat(details.getUrl(Transport.GRPC)).isEqualTo("http://collector:4318/");
    });
  }
}
