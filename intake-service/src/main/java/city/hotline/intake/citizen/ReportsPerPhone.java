package city.hotline.intake.citizen;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Web reports per phone and fixed window (我要反映 names a phone nobody checks, and each report texts it): one
 * document per phone and window holding the submissions (idempotency keys) counted, so a retry of a counted
 * submission is never counted twice. The phone is kept as an HMAC under a secret key, never itself (11 digits are
 * quickly guessed from a plain hash). Each count carries {@code forgetAt}, after which
 * the store's TTL index drops it.
 */
@Repository
class ReportsPerPhone {
  private static final String SUBMISSIONS = "submissions";
  private static final String HMAC = "HmacSHA256";
  private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");
  private static final Pattern COUNTRY = Pattern.compile("^(00)?86(?=1\\d{10}$)");

  private final MongoCollection<Document> counts;
  private final SecretKeySpec key;

  /** What counting a submission came to. */
  enum Counted { NEW, ALREADY, REFUSED }

  ReportsPerPhone(MongoDatabase database, CitizenSettings settings) {
    this.counts = database.getCollection("citizen_reports_per_phone");
    this.key = new SecretKeySpec(settings.phoneKey().getBytes(StandardCharsets.UTF_8), HMAC);
    counts.createIndex(Indexes.ascending(ProgressTries.FORGET_AT),
        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  /**
   * Counts {@code submission} against the phone's {@code cap} in the window, in one guarded update: it joins the
   * window's submissions only while they are fewer than the cap.
   */
  Counted count(String phone, String submission, int cap, FixedWindow window) {
    String id = id(phone, window);
    // twice: the first may lose to another report creating the window's count at the same moment
    for (int attempt = 0; attempt < 2; attempt++) {
      UpdateResult added = addUnderCap(id, submission, cap, window);
      if (added != null) {
        return added.getUpsertedId() != null || added.getModifiedCount() > 0 ? Counted.NEW : Counted.ALREADY;
      }
    }
    return counts.find(Filters.and(Filters.eq("_id", id), Filters.eq(SUBMISSIONS, submission))).first() != null
        ? Counted.ALREADY : Counted.REFUSED;
  }

  /** A submission that was refused as invalid registered nothing: it is not held against the phone. */
  void giveBack(String phone, String submission, FixedWindow window) {
    counts.updateOne(Filters.eq("_id", id(phone, window)), Updates.pull(SUBMISSIONS, submission));
  }

  /** Null when the window's count is full (its document exists but no longer matches, so the upsert collides). */
  private UpdateResult addUnderCap(String id, String submission, int cap, FixedWindow window) {
    try {
      return counts.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists(SUBMISSIONS + "." + (cap - 1), false)),
          Updates.combine(Updates.addToSet(SUBMISSIONS, submission),
              Updates.setOnInsert(ProgressTries.FORGET_AT, Date.from(window.end()))),
          new UpdateOptions().upsert(true));
    } catch (MongoException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return null;
    }
  }

  private String id(String phone, FixedWindow window) {
    return hash(normalized(phone)) + "|" + window.start().toEpochMilli();
  }

  /** The digits only, a mobile's 86 country code dropped: 139 1234 5678 and +86 13912345678 are one phone. */
  static String normalized(String phone) {
    return COUNTRY.matcher(NOT_A_DIGIT.matcher(phone).replaceAll("")).replaceFirst("");
  }

  private String hash(String digits) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has " + HMAC, e);
    }
  }
}
