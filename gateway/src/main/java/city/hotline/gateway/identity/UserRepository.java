package city.hotline.gateway.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** Users by username ({@code _id}). */
@Repository
public class UserRepository {
  private final MongoCollection<Document> users;

  UserRepository(MongoDatabase gatewayDatabase) {
    this.users = gatewayDatabase.getCollection("users");
  }

  public Optional<UserAccount> find(String username) {
    return Optional.ofNullable(users.find(Filters.eq("_id", username)).first()).map(UserRepository::toAccount);
  }

  /** @return false when the username is taken */
  boolean insert(UserAccount user) {
    try {
      users.insertOne(new Document("_id", user.username())
          .append("displayName", user.displayName())
          .append("passwordHash", user.passwordHash())
          .append("roles", user.roles().stream().map(Enum::name).toList())
          .append("unitId", user.unitId())
          .append("unitName", user.unitName())
          .append("enabled", user.enabled())
          .append("tokenVersion", user.tokenVersion()));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /** Applies the change and ends the user's existing tokens; false when there is no such user. */
  boolean updateAndRevokeTokens(String username, Bson... changes) {
    List<Bson> updates = new ArrayList<>(List.of(changes));
    updates.add(Updates.inc("tokenVersion", 1));
    return users.updateOne(Filters.eq("_id", username), Updates.combine(updates)).getMatchedCount() == 1;
  }

  List<UserAccount> all() {
    return users.find().sort(Sorts.ascending("_id")).map(UserRepository::toAccount).into(new ArrayList<>());
  }

  private static UserAccount toAccount(Document d) {
    return new UserAccount(d.getString("_id"), d.getString("displayName"), d.getString("passwordHash"),
        d.getList("roles", String.class, List.of()).stream().map(Role::valueOf).toList(),
        d.getString("unitId"), d.getString("unitName"), d.getBoolean("enabled", false),
        d.getInteger("tokenVersion", 0));
  }
}
