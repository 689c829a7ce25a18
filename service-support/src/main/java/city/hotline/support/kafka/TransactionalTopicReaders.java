package city.hotline.support.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Feedback's surge detection writes its topic in Kafka transactions (exactly once), and feedback and dispatch read
 * it. Each transaction ends with a commit marker taking an offset of its own. A listener that has read such a topic to its end commits the offset after its last record, one short of
 * the marker, so its lag would never read 0 (consumer-lag gauges, tests waiting for every group to catch up). Idle,
 * its container commits the position past the marker instead; on topics written without transactions it changes
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionalTopicReaders {

  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> commitPastCommitMarkers() {
    return container -> container.getContainerProperties().setFixTxOffsets(true);
  }
}
