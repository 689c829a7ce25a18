package city.hotline.infra;

/** One probe of whether a process serves requests. Implementations never throw: any failure means "not healthy". */
@FunctionalInterface
interface HealthCheck {

    boolean isHealthy();
}
