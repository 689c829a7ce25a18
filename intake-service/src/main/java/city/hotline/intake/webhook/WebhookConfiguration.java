package city.hotline.intake.webhook;

import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.partner.Partners;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.kafka.EventCodec;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner webhooks: the admin API always; the listener that queues deliveries and the sender only while
 * {@code hotline.webhooks.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {
  @Bean
  SubscriptionRepository webhookSubscriptions(MongoDatabase database) {
    return new SubscriptionRepository(database);
  }

  @Bean
  DeliveryRepository webhookDeliveries(MongoDatabase database) {
    return new DeliveryRepository(database);
  }

  @Bean
  Webhooks webhooks(SubscriptionRepository subscriptions, DeliveryRepository deliveries, Partners partners,
      ReferenceData reference, MongoDatabase database, WebhookSettings settings, Clock clock) {
    return new Webhooks(subscriptions, deliveries, partners::find, reference, database, settings, clock);
  }

  @Bean
  @ConditionalOnBooleanProperty("hotline.webhooks.enabled")
  WebhookListener webhookListener(EventCodec codec, SubscriptionRepository subscriptions,
      DeliveryRepository deliveries, Partners partners, WorkOrders workOrders, WebhookSettings settings, Clock clock) {
    return new WebhookListener(codec, new WebhookFanOut(subscriptions, deliveries, partners::find, workOrders::find,
        clock, settings.settle()));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnBooleanProperty("hotline.webhooks.enabled")
  DeliverySender webhookSender(DeliveryRepository deliveries, SubscriptionRepository subscriptions, Partners partners,
      JsonMapper json, WebhookSettings settings, Clock clock, MeterRegistry registry) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    Backoff backoff = new Backoff(settings.firstRetry(), settings.maxRetry(), () -> ThreadLocalRandom.current().nextDouble());
    return new DeliverySender(deliveries, subscriptions, partners::find, http, json, settings, backoff, clock,
        Clock.systemUTC(), registry);
  }

  @Bean
  @ConditionalOnBooleanProperty("hotline.webhooks.enabled")
  WebhookGauges webhookGauges(DeliveryRepository deliveries, WebhookSettings settings, Clock clock,
      MeterRegistry registry) {
    return new WebhookGauges(deliveries, settings, clock, registry);
  }

  @Bean
  @ConditionalOnBooleanProperty("hotline.webhooks.enabled")
  DeliveryHousekeeping webhookHousekeeping(DeliveryRepository deliveries, Partners partners, WebhookSettings settings,
      Clock clock) {
    return new DeliveryHousekeeping(deliveries, partners::find, settings, clock);
  }
}
