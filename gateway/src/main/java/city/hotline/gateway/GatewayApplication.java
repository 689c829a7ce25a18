package city.hotline.gateway;

import city.hotline.support.VirtualThreadCarriers;
import city.hotline.support.tracing.OtlpTraceExport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The only public entry point: routes the API to the services and gives every request an id. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(OtlpTraceExport.class)
public class GatewayApplication {
  public static void main(String[] args) {
    VirtualThreadCarriers.widen();
    SpringApplication.run(GatewayApplication.class, args);
  }
}
