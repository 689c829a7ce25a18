package city.hotline.support;

/**
 * How many platform threads carry the virtual threads the services answer requests on: at least
 * {@link #DEFAULT_MINIMUM}, not one per core as the JDK would take. A virtual thread that blocks while the JVM loads a
 * class for it stays pinned to its carrier (the case JEP 491 leaves). On a two-core machine two first requests down a
 * new code path pinned both carriers, each waiting for a class-loading or jar lock held by a third virtual thread
 * that then never got a carrier back, and the gateway stopped answering for good. With more carriers than threads
 * that load classes at once that cannot happen; idle carriers cost nothing.
 */
public final class VirtualThreadCarriers {
  /** The JDK's own setting: when given (-D), it is left as it is. */
  static final String PROPERTY = "jdk.virtualThreadScheduler.parallelism";
  /** Environment override of the minimum. */
  static final String ENVIRONMENT = "HOTLINE_VIRTUAL_THREAD_CARRIERS";
  static final int DEFAULT_MINIMUM = 16;

  private VirtualThreadCarriers() {}

  /** To be called first in {@code main}, before any virtual thread starts (the scheduler reads it once). */
  public static void widen() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, Integer.toString(carriers(System.getenv(ENVIRONMENT),
          Runtime.getRuntime().availableProcessors())));
    }
  }

  static int carriers(String configured, int cores) {
    int minimum = configured == null || configured.isBlank() ? DEFAULT_MINIMUM : Integer.parseInt(configured.trim());
    if (minimum < 1) {
      throw new IllegalArgumentException(ENVIRONMENT + " must be at least 1, not " + minimum);
    }
    return Math.max(minimum, cores);
  }
}
