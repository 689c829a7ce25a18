package city.hotline.support;

import city.hotline.support.books.BooksController;
import city.hotline.support.kafka.ConsumerLag;
import city.hotline.support.kafka.ConsumerPositionsConfiguration;
import city.hotline.support.kafka.EventCodec;
import city.hotline.support.kafka.KafkaTopicsConfiguration;
import city.hotline.support.kafka.TransactionalTopicReaders;
import city.hotline.support.kafka.TicketLogContext;
import city.hotline.support.metrics.ClockPasses;
import city.hotline.support.metrics.MetricsProperties;
import city.hotline.support.mongo.MongoConfiguration;
import city.hotline.support.outbox.OutboxGauges;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.ServiceSecurity;
import city.hotline.support.tracing.OtlpTraceExport;
import city.hotline.support.web.ApiExceptionHandler;
import city.hotline.support.web.RequestIdFilter;
import city.hotline.support.web.TicketLogContextInterceptor;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What each service imports to get the shared edges: Mongo, Kafka topics and dead letters, outbox, errors, request
 * ids, and what operators watch (outbox, consumer-lag and clock gauges, trace export).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HotlineProperties.class, MetricsProperties.class})
@Import({
  MongoConfiguration.class,
  KafkaTopicsConfiguration.class,
  ConsumerPositionsConfiguration.class,
  TransactionalTopicReaders.class,
  EventCodec.class,
  TicketLogContext.class,
  TicketLogContextInterceptor.class,
  OutboxRelay.class,
  OutboxGauges.class,
  ConsumerLag.class,
  ClockPasses.class,
  OtlpTraceExport.class,
  ApiExceptionHandler.class,
  ServiceSecurity.class,
  RequestIdFilter.class,
  BooksController.class,
  BooksController.Access.class
})
public class SupportConfiguration {

  /**
   * The system clock; tests replace it to control time. With {@code hotline.clock.catch-up-from} set
   * (./hotline seed only) it starts in the past and catches up with real time, see {@link CatchUpClock}.
   */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(@Value("${hotline.clock.catch-up-from:}") String from,
      @Value("${hotline.clock.catch-up-anchor:}") String anchor, @Value("${hotline.clock.catch-up-speed:1}") double speed) {
    if (from.isBlank()) {
      return Clock.systemUTC();
    }
    CatchUpClock clock = new CatchUpClock(Instant.parse(from), Instant.parse(anchor), speed, Clock.systemUTC());
    LoggerFactory.getLogger(SupportConfiguration.class)
        .warn("demonstration clock: starts at {}, runs {}x real time, meets real time at {}", from, speed, clock.caughtUpAt());
    return clock;
  }
}
