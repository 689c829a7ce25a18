package city.hotline.dispatch;

import city.hotline.support.SupportConfiguration;
import city.hotline.support.VirtualThreadCarriers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 派单: routing rules, cases, unit queues, claim, return, extension and resolve, time limits and overdue cases. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SupportConfiguration.class)
@EnableScheduling
public class DispatchApplication {
  public static void main(String[] args) {
    VirtualThreadCarriers.widen();
    SpringApplication.run(DispatchApplication.class, args);
  }
}
