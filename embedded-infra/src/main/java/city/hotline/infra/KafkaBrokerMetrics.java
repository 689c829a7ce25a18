package city.hotline.infra;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A few of the broker's own metrics, read at each scrape from the MBeans Kafka registers in the platform MBean
 * server: messages and bytes in and out (all topics) and partitions that are under-replicated or offline. The
 * MBeans appear only once the broker has started; until then a counter reads 0 (nothing has flowed) and a gauge
 * reads NaN (not known yet), never a made-up healthy value.
 */
final class KafkaBrokerMetrics {

    private static final String COUNT = "Count";
    private static final String VALUE = "Value";

    private KafkaBrokerMetrics() {
    }

    static void bind(MeterRegistry registry) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        counter(registry, server, "kafka.broker.messages.in", "Messages appended to the broker's logs",
                "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec");
        counter(registry, server, "kafka.broker.bytes.in", "Bytes received from producers",
                "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec");
        counter(registry, server, "kafka.broker.bytes.out", "Bytes sent to consumers",
                "kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec");
        gauge(registry, server, "kafka.broker.under.replicated.partitions",
                "Partitions with fewer in-sync replicas than replicas",
                "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions");
        gauge(registry, server, "kafka.broker.offline.partitions",
                "Partitions without a leader: nobody can write to or read from them",
                "kafka.controller:type=KafkaController,name=OfflinePartitionsCount");
    }

    private static void counter(MeterRegistry registry, MBeanServer server, String name, String description,
            String mbean) {
        ObjectName object = objectName(mbean);
        FunctionCounter.builder(name, server, s -> orElse(s, object, COUNT, 0))
                .description(description).register(registry);
    }

    private static void gauge(MeterRegistry registry, MBeanServer server, String name, String description,
            String mbean) {
        ObjectName object = objectName(mbean);
        Gauge.builder(name, server, s -> orElse(s, object, VALUE, Double.NaN))
                .description(description).register(registry);
    }

    static double orElse(MBeanServer server, ObjectName object, String attribute, double absent) {
        try {
            return server.getAttribute(object, attribute) instanceof Number number ? number.doubleValue() : absent;
        } catch (JMException e) {
            return absent;
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
