package city.hotline.support;

import city.hotline.support.kafka.EventCodec;
import city.hotline.support.kafka.KafkaTopicsConfiguration;
import city.hotline.support.kafka.TicketLogContext;
import city.hotline.support.mongo.MongoConfiguration;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.ServiceSecurity;
import city.hotline.support.web.ApiExceptionHandler;
import city.hotline.support.web.RequestIdFilter;
import city.hotline.support.web.TicketLogContextInterceptor;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What each service imports to get the shared edges: Mongo, Kafka topics and dead letters, outbox, errors, request ids. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineProperties.class)
@Import({
  MongoConfiguration.class,
  KafkaTopicsConfiguration.class,
  EventCodec.class,
  TicketLogContext.class,
  TicketLogContextInterceptor.class,
  OutboxRelay.class,
  ApiExceptionHandler.class,
  ServiceSecurity.class,
  RequestIdFilter.class
})
public class SupportConfiguration {

  /** The system clock; tests replace it to control time. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
