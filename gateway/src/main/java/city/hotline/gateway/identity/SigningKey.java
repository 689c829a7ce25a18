package city.hotline.gateway.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The RS256 key that signs tokens. Stable across restarts and replicas: taken from configuration
 * (a PKCS#8 PEM), or generated once and kept in the gateway's database, where the first replica
 * to start writes it and every other one reads it.
 */
@Component
public class SigningKey {
  private static final int KEY_BITS = 2048;
  private static final String CURRENT = "current";
  private final RSAKey key;

  SigningKey(IdentitySettings settings, MongoDatabase gatewayDatabase) {
    this.key = settings.signingKeyPem() != null && !settings.signingKeyPem().isBlank()
        ? fromPem(settings.signingKeyPem())
        : stored(gatewayDatabase.getCollection("signing_keys"));
  }

  public RSAKey key() {
    return key;
  }

  private static RSAKey stored(MongoCollection<Document> keys) {
    Document existing = keys.find(Filters.eq("_id", CURRENT)).first();
    if (existing != null) {
      return fromPem(existing.getString("pem"));
    }
    RSAKey generated = generate();
    try {
      keys.insertOne(new Document("_id", CURRENT).append("pem", toPem(generated)));
      return generated;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return fromPem(keys.find(Filters.eq("_id", CURRENT)).first().getString("pem")); // another replica won
    }
  }

  private static RSAKey generate() {
    try {
      return withKeyId(new RSAKeyGenerator(KEY_BITS).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the signing key", e);
    }
  }

  static RSAKey fromPem(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
          new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return withKeyId(new RSAKey.Builder(publicKey).privateKey(privateKey).build());
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("the signing key is not an RSA private key in PKCS#8 PEM", e);
    }
  }

  /** The key id is the key's thumbprint, so it is the same wherever the key is loaded. */
  private static RSAKey withKeyId(RSAKey key) {
    try {
      return new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).keyID(key.computeThumbprint().toString()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String toPem(RSAKey key) {
    try {
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder().encodeToString(key.toPrivateKey().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
