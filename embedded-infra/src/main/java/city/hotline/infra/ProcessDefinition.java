package city.hotline.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run, check and stop one process of the system.
 *
 * @param name        file name stem of its log and pid file
 * @param command     full command line
 * @param environment variables added to the inherited environment
 * @param ports       ports it listens on, which must be free before it starts
 * @param endpoint    address shown to the user
 * @param preparation work to do before each start, with the process's log file
 */
record ProcessDefinition(
        String name,
        List<String> command,
        Map<String, String> environment,
        List<Integer> ports,
        String endpoint,
        HealthCheck healthCheck,
        Duration stopTimeout,
        Preparation preparation) {

    @FunctionalInterface
    interface Preparation {

        Preparation NONE = log -> { };

        void prepare(Path log) throws IOException, InterruptedException;
    }
}
