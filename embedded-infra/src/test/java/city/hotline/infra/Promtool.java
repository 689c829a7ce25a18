package city.hotline.infra;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, from Debian's {@code prometheus} package (which .ci/run installs). Where it is not
 * installed the tests that need it are skipped, saying why, rather than passing without having checked anything.
 */
final class Promtool {

    /** The repository's ops/prometheus, from the module's folder where Maven runs the tests. */
    static final Path OPS = Path.of(System.getProperty("hotline.repo.root", "..")).resolve(Settings.PROMETHEUS_FOLDER)
            .toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 60;
    private static final Optional<String> PROMTOOL = Executables.onPath("promtool", System.getenv("PATH"));

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static void assumeInstalled() {
        assumeTrue(PROMTOOL.isPresent(),
                "promtool is not installed (Debian package prometheus, which .ci/run installs): the Prometheus files are not checked");
    }

    /** Runs {@code promtool args...} in {@code dir} and returns its exit code and its output. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        assumeInstalled();
        List<String> command = new ArrayList<>(List.of(PROMTOOL.get()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
