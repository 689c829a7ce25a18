package city.hotline.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at a shared in-memory Mongo-wire server and at the embedded Kafka
 * broker that {@code @EmbeddedKafka} starts. One Mongo server per test JVM; each test class gets
 * its own database so classes do not see each other's data.
 */
public final class ServiceTestSupport {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();

  private ServiceTestSupport() {}

  public static void register(DynamicPropertyRegistry registry, String database) {
    registry.add("hotline.mongo.uri", MONGO::uri);
    registry.add("hotline.mongo.database", () -> database);
    registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
  }
}
