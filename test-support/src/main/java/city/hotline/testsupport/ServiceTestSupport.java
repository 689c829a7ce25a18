package city.hotline.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at a shared in-memory Mongo-wire server (one per test JVM; each test
 * class names its own database so classes do not see each other's data). The Kafka side comes from
 * {@code @EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")}.
 */
public final class ServiceTestSupport {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();

  private ServiceTestSupport() {}

  public static void register(DynamicPropertyRegistry registry, String database) {
    registry.add("hotline.mongo.uri", MONGO::uri);
    registry.add("hotline.mongo.database", () -> database);
  }
}
