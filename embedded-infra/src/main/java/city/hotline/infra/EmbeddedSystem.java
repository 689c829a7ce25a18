package city.hotline.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, stops and inspects the whole system as detached OS processes: Kafka, four Mongo wire servers (one per
 * service) and the four Spring Boot services, and Prometheus on them when {@link Settings#withPrometheus()}.
 * Processes keep running after this JVM exits; pid files under {@code HOTLINE_HOME/run} let a later {@link #down()}
 * or {@link #status()}, from any JVM, find them again.
 *
 * <pre>{@code
 * EmbeddedSystem system = new EmbeddedSystem(Settings.defaults(repoRoot, tempDir).withPorts(Ports.allocateFree()));
 * system.up();
 * ... call system.settings().gatewayUrl() ...
 * system.down();
 * }</pre>
 */
public final class EmbeddedSystem {

    private static final String LINE = "  %-17s %s%n";
    private static final String STATUS_LINE = "%-17s %-20s %-9s %s%n";
    private static final double NANOS_PER_SECOND = 1e9;

    private final Settings settings;
    private final PrintStream out;
    private final SystemComponents components;
    private final PidFiles pidFiles;

    public EmbeddedSystem(Settings settings) {
        this(settings, System.out);
    }

    /** @param out where progress is reported, one line per event */
    public EmbeddedSystem(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.components = new SystemComponents(settings);
        this.pidFiles = new PidFiles(settings.layout());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Starts whatever is not running yet, infrastructure first, then the services, then (if asked for) Prometheus,
     * and returns once every process is healthy. Processes that were already running are left alone.
     *
     * @throws StartupFailedException if a jar or Prometheus is missing or a process does not become healthy in time;
     *                                whatever was started keeps running so that {@link #down()} can clean up
     */
    public void up() {
        long start = System.nanoTime();
        requireJars();
        if (settings.withPrometheus()) {
            components.prometheusServer().requireExecutable();
        }
        startStage(components.infrastructure());
        startStage(components.services());
        if (settings.withPrometheus()) {
            startStage(components.monitoring());
        }
        printSummary(seconds(System.nanoTime() - start));
    }

    /**
     * Stops every recorded process: Prometheus, services, then Kafka, then the Mongo servers. Safe to call when
     * nothing runs.
     */
    public void down() {
        int stopped = 0;
        for (List<ProcessDefinition> stage : components.shutdownOrder()) {
            stopped += stopStage(stage);
        }
        if (stopped == 0) {
            out.println("Nothing was running.");
        }
    }

    /**
     * Stops one process by name (e.g. {@code kafka}), for fault tests; {@link #up()} starts it again.
     *
     * @throws IllegalArgumentException for a name that is not one of the system's processes
     */
    public void stop(String processName) {
        stopStage(List.of(definition(processName)));
    }

    /**
     * Kills one process by name with SIGKILL, as a crash would: no shutdown hooks, nothing flushed. For fault
     * tests; {@link #up()} starts it again.
     *
     * @throws IllegalArgumentException for a name that is not one of the system's processes
     */
    public void kill(String processName) {
        ProcessDefinition process = definition(processName);
        Optional<ProcessHandle> live = pidFiles.live(process.name());
        if (live.isEmpty()) {
            return;
        }
        live.get().destroyForcibly();
        if (!exited(live.get(), Settings.KILL_TIMEOUT.toNanos())) {
            throw new IllegalStateException(processName + " (pid " + live.get().pid() + ") survived SIGKILL");
        }
        pidFiles.remove(process.name());
        report(process, "killed (pid %d) with SIGKILL".formatted(live.get().pid()));
    }

    /** The operating-system process of one of the system's processes, if it runs (for resource figures). */
    public Optional<ProcessHandle> process(String processName) {
        return pidFiles.live(definition(processName).name());
    }

    /** {@code ./hotline backup DIR}: a copy of every store, taken while the system runs. */
    public void backup(Path dir) throws IOException {
        new StoreBackup(settings).backup(dir);
    }

    /**
     * {@code ./hotline restore DIR}: puts a backup back while the system is stopped; the replaced files stay
     * beside the new ones with the given suffix. When it starts, each service catches up from Kafka.
     */
    public void restore(Path dir, String suffix) throws IOException {
        List<String> running = running();
        if (!running.isEmpty()) {
            throw new IllegalStateException("stop the system first (./hotline down); still running: "
                    + String.join(", ", running));
        }
        new StoreBackup(settings).restore(dir, suffix);
    }

    /** The names of the system's processes that are running now. */
    public List<String> running() {
        return components.all().stream().map(ProcessDefinition::name)
                .filter(name -> pidFiles.live(name).isPresent()).toList();
    }

    private ProcessDefinition definition(String processName) {
        return components.all().stream()
                .filter(p -> p.name().equals(processName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process named " + processName));
    }

    /**
     * Prints and returns, for each process, whether it runs and whether it is healthy; Prometheus only when it is
     * asked for or was started, so a system run without it is not reported unhealthy.
     */
    public List<ProcessStatus> status() {
        List<ProcessStatus> statuses = new ArrayList<>();
        for (ProcessDefinition process : components.all()) {
            if (components.monitoring().contains(process) && !settings.withPrometheus()
                    && !pidFiles.exists(process.name())) {
                continue;
            }
            Optional<ProcessHandle> live = pidFiles.live(process.name());
            OptionalLong pid = live.map(handle -> OptionalLong.of(handle.pid())).orElseGet(OptionalLong::empty);
            boolean healthy = live.isPresent() && process.healthCheck().isHealthy();
            ProcessStatus status = new ProcessStatus(process.name(), pid, healthy, process.endpoint());
            out.printf(STATUS_LINE, status.name(),
                    status.running() ? "running (pid " + pid.getAsLong() + ")" : "stopped",
                    status.running() ? (healthy ? "healthy" : "unhealthy") : "",
                    status.endpoint());
            statuses.add(status);
        }
        return statuses;
    }

    private void requireJars() {
        List<Path> required = new ArrayList<>();
        for (String module : SystemComponents.SERVICE_MODULES) {
            required.add(settings.moduleJar(module));
        }
        required.add(settings.moduleJar(Settings.INFRA_MODULE));
        List<Path> missing = required.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new StartupFailedException("missing " + missing + "; build them with ./mvnw -DskipTests package");
        }
    }

    /** Brings up the processes of one stage in parallel; they do not depend on each other. */
    private void startStage(List<ProcessDefinition> stage) {
        ExecutorService executor = Executors.newFixedThreadPool(stage.size());
        try {
            List<Future<Optional<String>>> outcomes = new ArrayList<>();
            for (ProcessDefinition process : stage) {
                outcomes.add(executor.submit(() -> bringUp(process)));
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < stage.size(); i++) {
                failureOf(stage.get(i), outcomes.get(i)).ifPresent(failures::add);
            }
            if (!failures.isEmpty()) {
                throw new StartupFailedException(String.join(System.lineSeparator(), failures));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private Optional<String> failureOf(ProcessDefinition process, Future<Optional<String>> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException("interrupted while starting " + process.name());
        } catch (ExecutionException e) {
            return Optional.of(process.name() + " could not be started: " + e.getCause().getMessage());
        }
    }

    /** @return why the process is not healthy, or empty when it is */
    private Optional<String> bringUp(ProcessDefinition process) throws IOException, InterruptedException {
        Path log = settings.layout().logFile(process.name());
        Optional<ProcessHandle> running = pidFiles.live(process.name());
        ProcessHandle handle;
        if (running.isPresent()) {
            handle = running.get();
            report(process, "already running (pid " + handle.pid() + ")");
        } else {
            // Something else on our port would answer the health check and hide that our process cannot bind.
            Optional<Integer> busyPort = process.ports().stream()
                    .filter(port -> PortProbe.isOpen("localhost", port, Settings.HEALTH_PROBE_TIMEOUT))
                    .findFirst();
            if (busyPort.isPresent()) {
                return Optional.of(process.name() + ": port " + busyPort.get() + " is already in use by another process");
            }
            process.preparation().prepare(log);
            handle = ProcessLauncher.start(process.command(), process.environment(), settings.repoRoot(), log)
                    .toHandle();
            pidFiles.record(process.name(), handle);
            report(process, "started (pid " + handle.pid() + "), log " + log);
        }
        return awaitHealthy(process, handle, log);
    }

    private Optional<String> awaitHealthy(ProcessDefinition process, ProcessHandle handle, Path log)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settings.startupTimeout().toNanos();
        while (!process.healthCheck().isHealthy()) {
            if (!handle.isAlive()) {
                return Optional.of(failure(process, "exited before becoming healthy", log));
            }
            if (System.nanoTime() - deadline > 0) {
                return Optional.of(failure(process,
                        "was not healthy within " + settings.startupTimeout().toSeconds() + " s", log));
            }
            Thread.sleep(Settings.HEALTH_POLL_INTERVAL.toMillis());
        }
        report(process, "healthy after %.1f s".formatted(seconds(System.nanoTime() - start)));
        return Optional.empty();
    }

    private String failure(ProcessDefinition process, String reason, Path log) {
        String nl = System.lineSeparator();
        return process.name() + " " + reason + nl
                + "----- last " + Settings.LOG_TAIL_LINES + " lines of " + log + nl
                + LogTail.of(log, Settings.LOG_TAIL_LINES) + nl
                + "-----";
    }

    /** Signals the whole stage first, so its members shut down concurrently, then waits for each. */
    private int stopStage(List<ProcessDefinition> stage) {
        List<ProcessDefinition> stopping = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (ProcessDefinition process : stage) {
            Optional<ProcessHandle> live = pidFiles.live(process.name());
            if (live.isPresent()) {
                live.get().destroy();
                stopping.add(process);
                handles.add(live.get());
            } else if (pidFiles.exists(process.name())) {
                pidFiles.remove(process.name());
                report(process, "was not running (removed stale pid file)");
            }
        }
        long signalled = System.nanoTime();
        for (int i = 0; i < stopping.size(); i++) {
            awaitExit(stopping.get(i), handles.get(i), signalled);
        }
        return stopping.size();
    }

    private void awaitExit(ProcessDefinition process, ProcessHandle handle, long signalled) {
        long remaining = process.stopTimeout().toNanos() - (System.nanoTime() - signalled);
        if (exited(handle, remaining)) {
            report(process, "stopped (pid %d) in %.1f s".formatted(handle.pid(), seconds(System.nanoTime() - signalled)));
            pidFiles.remove(process.name());
            return;
        }
        handle.destroyForcibly();
        if (exited(handle, Settings.KILL_TIMEOUT.toNanos())) {
            report(process, "killed (pid %d): it did not stop within %d s".formatted(
                    handle.pid(), process.stopTimeout().toSeconds()));
            pidFiles.remove(process.name());
        } else {
            report(process, "is still running (pid %d) even after SIGKILL".formatted(handle.pid()));
        }
    }

    private static boolean exited(ProcessHandle handle, long timeoutNanos) {
        try {
            handle.onExit().get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pid " + handle.pid() + " to exit", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("onExit of pid " + handle.pid() + " failed", e);
        }
    }

    private void printSummary(double seconds) {
        out.printf("%nHotline is up (%.1f s). Gateway: %s%n", seconds, settings.gatewayUrl());
        for (ProcessDefinition process : components.services()) {
            out.printf(LINE, process.name(), process.endpoint());
        }
        for (ProcessDefinition process : components.infrastructure()) {
            out.printf(LINE, process.name(), process.endpoint());
        }
        if (settings.withPrometheus()) {
            for (ProcessDefinition process : components.monitoring()) {
                out.printf(LINE, process.name(), process.endpoint() + " (alerts: " + process.endpoint() + "/alerts)");
            }
        }
        out.printf(LINE, "logs", settings.layout().logsDir());
        out.printf(LINE, "data", settings.layout().dataDir());
    }

    private void report(ProcessDefinition process, String message) {
        out.printf(LINE, process.name(), message);
    }

    private static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }
}
