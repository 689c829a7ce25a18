package city.hotline.intake.suggestion;

import city.hotline.support.web.ApiException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one piece of heavy work at a time on this replica; a caller who asks while it runs is refused (409 with a
 * {@code code}) rather than queued, so impatient retries never pile a second copy of it onto the heap.
 */
final class OneAtATime {
  private final AtomicBoolean running = new AtomicBoolean();
  private final String refusal;
  private final String code;

  OneAtATime(String refusal, String code) {
    this.refusal = refusal;
    this.code = code;
  }

  <T> T run(Supplier<T> work) {
    if (!running.compareAndSet(false, true)) {
      throw ApiException.conflict(refusal, Map.of("code", code));
    }
    try {
      return work.get();
    } finally {
      running.set(false);
    }
  }
}
