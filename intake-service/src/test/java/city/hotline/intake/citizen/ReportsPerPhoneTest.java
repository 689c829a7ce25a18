package city.hotline.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.citizen.ReportsPerPhone.Counted;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Web reports counted per phone, on the store the services use. */
class ReportsPerPhoneTest {
  private static final FixedWindow DAY = FixedWindow.at(Instant.parse("2026-11-23T09:30:00Z"), Duration.ofDays(1));
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final ReportsPerPhone reports = new ReportsPerPhone(client.getDatabase("intake"), new CitizenSettings(true,
      5, Duration.ofHours(1), 3, Duration.ofDays(1), "test-key", Duration.ofHours(1), "web",
      "市民网上反映", "网上市民"));

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void aPhoneMakesItsFewReportsAWindowARetryIsFreeAndAnInvalidOneIsGivenBack() {
    assertThat(reports.count("13912345678", "k1", 3, DAY)).isEqualTo(Counted.NEW);
    assertThat(reports.count("+86 139 1234 5678", "k1", 3, DAY)).as("a retry, however written")
        .isEqualTo(Counted.ALREADY);
    assertThat(reports.count("139-1234-5678", "k2", 3, DAY)).isEqualTo(Counted.NEW);
    assertThat(reports.count("13912345678", "invalid", 3, DAY)).isEqualTo(Counted.NEW);
    reports.giveBack("13912345678", "invalid", DAY);
    assertThat(reports.count("13912345678", "k3", 3, DAY)).isEqualTo(Counted.NEW);

    assertThat(reports.count("13912345678", "k4", 3, DAY)).as("the fourth").isEqualTo(Counted.REFUSED);
    assertThat(reports.count("13912345678", "k2", 3, DAY)).as("a counted one's retry").isEqualTo(Counted.ALREADY);
    assertThat(reports.count("13800000000", "k4", 3, DAY)).as("another phone").isEqualTo(Counted.NEW);
    FixedWindow nextDay = FixedWindow.at(DAY.end(), Duration.ofDays(1));
    assertThat(reports.count("13912345678", "k4", 3, nextDay)).isEqualTo(Counted.NEW);

    assertThat(client.getDatabase("intake").getCollection("citizen_reports_per_phone").find()
        .map(Document::toJson).into(new ArrayList<>())).as("no phone is stored")
        .noneMatch(json -> json.contains("12345678"));
  }
}
