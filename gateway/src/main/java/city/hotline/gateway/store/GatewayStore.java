package city.hotline.gateway.store;

import city.hotline.support.mongo.MongoConfiguration;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own database: users, signing key, revoked tokens, login failures. */
@Configuration(proxyBeanMethods = false)
public class GatewayStore {

  @ConfigurationProperties("hotline.mongo")
  public record Settings(String uri, String database, Duration timeout) {}

  @Bean(destroyMethod = "close")
  MongoClient gatewayMongoClient(Settings settings) {
    int timeoutMs = (int) settings.timeout().toMillis();
    ConnectionString connectionString = new ConnectionString(settings.uri());
    return MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(connectionString)
        .writeConcern(MongoConfiguration.writeConcernFor(connectionString)) // majority + journal unless the URI says otherwise
        .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
            .readTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .build());
  }

  @Bean
  MongoDatabase gatewayDatabase(MongoClient client, Settings settings) {
    return client.getDatabase(settings.database());
  }
}
