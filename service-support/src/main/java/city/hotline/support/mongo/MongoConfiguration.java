package city.hotline.support.mongo;

import city.hotline.support.HotlineProperties;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
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
    ConnectionString connectionString = new ConnectionString(mongo.uri());
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(connectionString)
        .writeConcern(writeConcernFor(connectionString))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS)
            .readTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
        .build();
    return MongoClients.create(settings);
  }

  /**
   * What every write waits for unless the connection string says otherwise: a majority of the
   * replica set has it in its journal (SPEC §8.1), so an acknowledged change survives a crash of
   * any member and a fail-over. A one-member set (compose) is that node's journal; the embedded store
   * (mongo-java-server) accepts and ignores it, and commits every write before it answers (SPEC §8.2).
   */
  public static final WriteConcern DURABLE_WRITES = WriteConcern.MAJORITY.withJournal(true);

  /**
   * The connection string's own {@code w} or {@code journal} wins, as given (e.g. {@code ?w=1}
   * trades durability for latency on purpose); without either the writes are {@link #DURABLE_WRITES},
   * with the string's {@code wtimeoutMS} if it has one. The gateway's store client uses the same rule.
   */
  public static WriteConcern writeConcernFor(ConnectionString connectionString) {
    WriteConcern own = connectionString.getWriteConcern();
    if (own == null) {
      return DURABLE_WRITES;
    }
    if (own.getWObject() != null || own.getJournal() != null) {
      return own;
    }
    Integer wTimeoutMs = own.getWTimeout(TimeUnit.MILLISECONDS);
    return wTimeoutMs == null ? DURABLE_WRITES : DURABLE_WRITES.withWTimeout(wTimeoutMs, TimeUnit.MILLISECONDS);
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
