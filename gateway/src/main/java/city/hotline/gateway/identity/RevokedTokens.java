package city.hotline.gateway.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Tokens signed out before their expiry (by token id); MongoDB drops each entry once the token would have expired. */
@Component
public class RevokedTokens {
  private final MongoCollection<Document> revoked;

  RevokedTokens(MongoDatabase gatewayDatabase) {
    this.revoked = gatewayDatabase.getCollection("revoked_tokens");
    revoked.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  void revoke(String tokenId, Instant expiresAt) {
    try {
      revoked.insertOne(new Document("_id", tokenId).append("expiresAt", Date.from(expiresAt)));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e; // signing out twice is fine
      }
    }
  }

  boolean isRevoked(String tokenId) {
    return revoked.find(Filters.eq("_id", tokenId)).first() != null;
  }
}
