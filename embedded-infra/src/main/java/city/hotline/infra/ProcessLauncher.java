package city.hotline.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Starts child processes that outlive the JVM that started them. */
final class ProcessLauncher {

    private static final File NO_INPUT = new File("/dev/null");

    /**
     * A child started from a terminal shares the terminal's process group, so a Ctrl-C meant for {@code ./hotline}
     * would also kill Kafka and the services. setsid moves the child into its own session; because the child is not
     * a process group leader, setsid execs in place and the pid stays the one we record.
     */
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private ProcessLauncher() {
    }

    /** Starts {@code command} with stdout and stderr appended to {@code log} and no stdin. */
    static Process start(List<String> command, Map<String, String> environment, Path workingDir, Path log)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        // Logs are appended across restarts, so mark where each run begins.
        Files.writeString(log, "%n===== %s starting: %s%n".formatted(Instant.now(), String.join(" ", command)),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> fullCommand = new ArrayList<>();
        SETSID.ifPresent(setsid -> fullCommand.add(setsid.toString()));
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
