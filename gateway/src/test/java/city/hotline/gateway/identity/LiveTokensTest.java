package city.hotline.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.oauth2.jwt.Jwt;

/** Two gateway replicas over one store: each sees its own changes at once, the other's within the reuse time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveTokensTest {
  private static final Duration REUSE = Duration.ofMillis(300);
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private MongoDatabase database;
  private LiveTokens replica;
  private LiveTokens otherReplica;
  private UserRepository users;

  @BeforeEach
  void freshStore() {
    database = client.getDatabase("live-" + UUID.randomUUID());
    users = new UserRepository(database);
    users.insert(new UserAccount("operator", "接线员", "hash", List.of(Role.OPERATOR), null, null, true, 0));
    replica = new LiveTokens(new RevokedTokens(database), users, REUSE, 100);
    otherReplica = new LiveTokens(new RevokedTokens(database), new UserRepository(database), REUSE, 100);
  }

  @AfterAll
  void close() {
    client.close();
    server.close();
  }

  private static Jwt token(String username, int version) {
    Instant now = Instant.now();
    return Jwt.withTokenValue("t-" + UUID.randomUUID()).header("alg", "RS256").jti(UUID.randomUUID().toString())
        .subject(username).issuedAt(now).expiresAt(now.plusSeconds(1800)).claims(c -> c.putAll(Map.of(Tokens.VERSION, version)))
        .build();
  }

  @Test
  void aTokenOfAnEnabledUnchangedUserIsLive() {
    assertThat(replica.isLive(token("operator", 0))).isTrue();
    assertThat(replica.isLive(token("operator", 1))).as("a version the user does not have").isFalse();
    assertThat(replica.isLive(token("nobody", 0))).as("an unknown user").isFalse();
  }

  @Test
  void signingOutEndsTheTokenAtOnceOnThisReplicaAndSoonOnTheOther() {
    Jwt token = token("operator", 0);
    assertThat(replica.isLive(token)).isTrue();
    assertThat(otherReplica.isLive(token)).isTrue();

    replica.signOut(token);

    assertThat(replica.isLive(token)).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> !otherReplica.isLive(token));
  }

  @Test
  void changingTheUserEndsItsTokensAtOnceOnThisReplicaAndSoonOnTheOther() {
    Jwt token = token("operator", 0);
    assertThat(replica.isLive(token)).isTrue();
    assertThat(otherReplica.isLive(token)).isTrue();

    assertThat(replica.changeUser("operator", Updates.set("enabled", false))).isTrue();

    assertThat(replica.isLive(token)).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> !otherReplica.isLive(token));
    assertThat(replica.changeUser("nobody", Updates.set("enabled", false))).as("an unknown user").isFalse();
  }
}
