package city.hotline.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

  private static IdentitySettings settings(String pem) {
    return new IdentitySettings("test", Duration.ofMinutes(30), pem, null, false, null, List.of());
  }

  @Test
  void theKeyGeneratedOnFirstStartIsTheOneEveryLaterStartUses() {
    try (MongoWireTestServer server = new MongoWireTestServer(); MongoClient client = MongoClients.create(server.uri())) {
      MongoDatabase database = client.getDatabase("keys");
      SigningKey first = new SigningKey(settings(null), database);
      SigningKey afterRestart = new SigningKey(settings(null), database);
      assertThat(afterRestart.key().getKeyID()).isEqualTo(first.key().getKeyID());
      assertThat(afterRestart.key().toPublicJWK()).isEqualTo(first.key().toPublicJWK());
    }
  }

  @Test
  void aConfiguredKeyWinsOverTheStoredOneAndKeepsItsIdWhereverItIsLoaded() throws Exception {
    try (MongoWireTestServer server = new MongoWireTestServer(); MongoClient client = MongoClients.create(server.uri())) {
      SigningKey generated = new SigningKey(settings(null), client.getDatabase("generated"));
      String pem = "-----BEGIN PRIVATE KEY-----\n"
          + java.util.Base64.getMimeEncoder().encodeToString(generated.key().toPrivateKey().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      SigningKey configured = new SigningKey(settings(pem), client.getDatabase("other"));
      assertThat(configured.key().getKeyID()).isEqualTo(generated.key().getKeyID());
    }
  }
}
