package city.hotline.intake;

import city.hotline.support.SupportConfiguration;
import city.hotline.support.VirtualThreadCarriers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** 受理: work orders as logged, ticket numbers, and the citizen-facing progress timeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SupportConfiguration.class)
public class IntakeApplication {
  public static void main(String[] args) {
    VirtualThreadCarriers.widen();
    SpringApplication.run(IntakeApplication.class, args);
  }
}
