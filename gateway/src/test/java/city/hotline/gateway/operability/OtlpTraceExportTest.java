package city.hotline.gateway.operability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spans leave the gateway only for a collector that was named, at the URL OpenTelemetry's own SDKs would use. */
class OtlpTraceExportTest {
  private final ApplicationContextRunner gateway = new ApplicationContextRunner()
      .withUserConfiguration(OtlpTraceExport.class)
      .withConfiguration(AutoConfigurations.of(OtlpTracingAutoConfiguration.class));

  @Test
  void withoutACollectorNoSpanIsSentAnywhere() {
    gateway.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OtlpHttpSpanExporter.class));
    gateway.withPropertyValues(OtlpTraceExport.ENDPOINT + "=")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OtlpHttpSpanExporter.class));
  }

  @Test
  void aNamedCollectorGetsTheSpans() {
    gateway.withPropertyValues(OtlpTraceExport.ENDPOINT + "=http://collector:4318")
        .run(context -> {
          assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
          assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
              .contains("endpoint=http://collector:4318/v1/traces");
        });
  }

  @Test
  void theCollectorsBaseUrlGetsTheTracesPathOverHttpOnly() {
    assertThat(OtlpTraceExport.tracesUrl("http://collector:4318", Transport.HTTP))
        .isEqualTo("http://collector:4318/v1/traces");
    assertThat(OtlpTraceExport.tracesUrl("https://otel.example/ingest/", Transport.HTTP))
        .isEqualTo("https://otel.example/ingest/v1/traces");
    assertThat(OtlpTraceExport.tracesUrl("http://collector:4317", Transport.GRPC)).isEqualTo("http://collector:4317");
  }
}
