package city.hotline.support.mongo;

import city.hotline.support.HotlineProperties;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own database, through the plain sync driver. Short timeouts: a dead database means a fast 503, not a hung call. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

  @Bean(destroyMethod = "close")
  MongoClient mongoClient(HotlineProperties properties) {
    HotlineProperties.Mongo mongo = properties.mongo();
    long timeoutMs = mongo.timeout().toMillis();
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(mongo.uri()))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS)
            .readTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
        .build();
    return MongoClients.create(settings);
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, HotlineProperties properties) {
    return client.getDatabase(properties.mongo().database());
  }

  @Bean
  HealthIndicator mongoHealthIndicator(MongoDatabase database) {
    return () -> {
      try {
        database.runCommand(new Document("ping", 1));
        return Health.up().withDetail("database", database.getName()).build();
      } catch (RuntimeException e) {
        return Health.down(e).build();
      }
    };
  }
}
