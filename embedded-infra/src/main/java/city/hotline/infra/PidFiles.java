package city.hotline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One file per process holding its pid and start instant. The start instant guards against pid reuse: after a
 * reboot or a crash the recorded pid may belong to an unrelated process, which must never be treated as ours.
 */
final class PidFiles {

    private final Layout layout;

    PidFiles(Layout layout) {
        this.layout = layout;
    }

    void record(String name, ProcessHandle process) {
        Instant started = process.info().startInstant()
                .orElseThrow(() -> new IllegalStateException("start time of pid " + process.pid() + " is unknown"));
        try {
            Files.createDirectories(layout.runDir());
            Files.write(layout.pidFile(name), List.of(Long.toString(process.pid()), started.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file of " + name, e);
        }
    }

    /** The recorded process if it is still alive and still the same process. */
    Optional<ProcessHandle> live(String name) {
        Path file = layout.pidFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            long pid = Long.parseLong(lines.get(0).trim());
            Instant started = Instant.parse(lines.get(1).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant().filter(started::equals).isPresent());
        } catch (IOException | RuntimeException e) {
            // unreadable or truncated pid file: whatever it pointed to cannot be verified as ours
            return Optional.empty();
        }
    }

    boolean exists(String name) {
        return Files.exists(layout.pidFile(name));
    }

    void remove(String name) {
        try {
            Files.deleteIfExists(layout.pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file of " + name, e);
        }
    }
}
