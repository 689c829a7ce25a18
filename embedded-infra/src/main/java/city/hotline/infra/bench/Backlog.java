package city.hotline.infra.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The services' consumer lag on Kafka: how much of what was published they have yet to process. */
final class Backlog implements AutoCloseable {
  static final List<String> GROUPS = List.of("intake-service", "dispatch-service", "feedback-service");
  private final Admin admin;

  Backlog(String bootstrap) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(properties);
  }

  /** Records published but not yet consumed, summed over the three services' groups. */
  long lag() throws Exception {
    long total = 0;
    for (String group : GROUPS) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
        if (entry.getValue() != null) {
          total += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
        }
      }
    }
    return total;
  }

  /** Waits until the services have caught up (or the time is up); returns the seconds it took. */
  double settle(long maxSeconds) throws Exception {
    long start = System.nanoTime();
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(maxSeconds)) {
      if (lag() == 0) {
        break;
      }
      Thread.sleep(500);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  @Override
  public void close() {
    admin.close();
  }
}
