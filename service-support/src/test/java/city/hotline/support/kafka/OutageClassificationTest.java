package city.hotline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class OutageClassificationTest {

  @Test
  void aDatabaseTimeoutInsideAListenerFailureIsAnOutageRetriedUntilTheDatabaseIsBack() {
    Exception failure = new ListenerExecutionFailedException("listener failed",
        new IllegalStateException("write failed", new MongoTimeoutException("no server within 3000 ms")));
    assertThat(KafkaTopicsConfiguration.isOutage(failure)).isTrue();
  }

  @Test
  void aFailureOfTheRecordItselfIsNotAnOutage() {
    Exception failure = new ListenerExecutionFailedException("listener failed",
        new IllegalStateException("CaseClosed for unknown case WH20261123000001"));
    assertThat(KafkaTopicsConfiguration.isOutage(failure)).isFalse();
  }
}
