package city.hotline.dispatch;

import city.hotline.support.SupportConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** 派单: routing rules, cases, unit queues, claim and resolve, time limits. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SupportConfiguration.class)
public class DispatchApplication {
  public static void main(String[] args) {
    SpringApplication.run(DispatchApplication.class, args);
  }
}
