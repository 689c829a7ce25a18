package city.hotline.feedback;

import city.hotline.support.SupportConfiguration;
import city.hotline.support.VirtualThreadCarriers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 回访: return visits and satisfaction, closing cases, and the statistics behind the leadership dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SupportConfiguration.class)
@EnableScheduling
public class FeedbackApplication {
  public static void main(String[] args) {
    VirtualThreadCarriers.widen();
    SpringApplication.run(FeedbackApplication.class, args);
  }
}
