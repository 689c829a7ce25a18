package city.hotline.feedback.governance;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Topics on a Mongo-wire server: ids GT000001, … from the counter, read back as written, newest first up to a limit. */
class TopicRepositoryTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  @Test
  void idsCountUpAndTopicsReadBackNewestFirst() {
    TopicRepository topics = new TopicRepository(CLIENT.getDatabase("topics"));
    Topic first = topic(topics.nextId(), Instant.parse("2026-12-01T02:00:00Z"));
    Topic second = topic(topics.nextId(), Instant.parse("2026-12-02T02:00:00Z"));
    assertThat(List.of(first.id(), second.id())).containsExactly("GT000001", "GT000002");
    topics.insert(first);
    topics.insert(second);

    assertThat(topics.find("GT000001")).contains(first);
    assertThat(topics.find("GT000009")).isEmpty();
    assertThat(topics.newestFirst(10)).containsExactly(second, first);
    assertThat(topics.newestFirst(1)).as("at most the list's limit, the newest").containsExactly(second);
    assertThat(new TopicRepository(CLIENT.getDatabase("topics")).nextId()).as("another replica").isEqualTo("GT000003");
  }

  private static Topic topic(String id, Instant at) {
    return new Topic(id, "燃气安全", "HANNAN_GAS", List.of("GAS_SAFETY"), List.of("HANNAN"), "下降三成",
        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), "领导", at);
  }
}
