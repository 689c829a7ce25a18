package city.hotline.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code ./hotline up|down|status}; all settings come from the environment. */
public final class HotlineMain {

    /** Read by log4j2.xml; the servers log at INFO, this CLI only wants problems from the client libraries. */
    static final String LOG_LEVEL_PROPERTY = "hotline.log.level";
    private static final String CLI_LOG_LEVEL = "WARN";

    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 2;

    private static final List<String> WITH_OPTIONS = List.of("up", "seed", "reconcile", "dead-letters", "backup", "restore",
            "evaluate-suggestions");
    /** {@code ./hotline up --with-prometheus}: Prometheus on the system too, as HOTLINE_WITH_PROMETHEUS=true does. */
    static final String WITH_PROMETHEUS = "--with-prometheus";

    private HotlineMain() {
    }

    public static void main(String[] args) {
        // Must happen before the first logger is created, i.e. before any client library class is touched.
        System.setProperty(LOG_LEVEL_PROPERTY, CLI_LOG_LEVEL);
        System.exit(run(args));
    }

    private static int run(String[] args) {
        if (args.length < 1 || (args.length > 1 && !WITH_OPTIONS.contains(args[0]))) {
            return usage();
        }
        EmbeddedSystem system;
        try {
            Settings settings = Settings.fromEnvironment();
            if (args[0].equals("up")) {
                settings = upSettings(settings, options(args));
            }
            system = new EmbeddedSystem(settings);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return EXIT_USAGE;
        }
        switch (args[0]) {
            case "up":
                return up(system);
            case "down":
                system.down();
                return EXIT_OK;
            case "status":
                List<ProcessStatus> statuses = system.status();
                return statuses.stream().allMatch(ProcessStatus::healthy) ? EXIT_OK : EXIT_FAILED;
            case "seed":
                return seed(options(args));
            case "rebuild-stats":
                return interruptible(() -> RebuildStatsCommand.run(Settings.fromEnvironment()));
            case "reconcile":
                return interruptible(() -> ReconcileCommand.run(Settings.fromEnvironment(), options(args)));
            case "evaluate-suggestions":
                return EvaluateSuggestionsCommand.run(Settings.fromEnvironment(), options(args), System.out, System.err);
            case "backup":
                return backup(system, options(args));
            case "restore":
                return restore(system, options(args));
            case "dead-letters":
                return DeadLettersCommand.run(Settings.fromEnvironment(), options(args));
            default:
                return usage();
        }
    }

    /** @throws IllegalArgumentException for an option {@code up} does not know */
    static Settings upSettings(Settings settings, List<String> options) {
        for (String option : options) {
            if (!option.equals(WITH_PROMETHEUS)) {
                throw new IllegalArgumentException("unknown option " + option + "; usage: ./hotline up ["
                        + WITH_PROMETHEUS + "]");
            }
        }
        return options.isEmpty() ? settings : settings.withPrometheus(true);
    }

    private static List<String> options(String[] args) {
        return Arrays.asList(args).subList(1, args.length);
    }

    private static int up(EmbeddedSystem system) {
        try {
            system.up();
            System.out.println("Stop everything with: ./hotline down");
            return EXIT_OK;
        } catch (StartupFailedException e) {
            System.err.println();
            System.err.println(e.getMessage());
            System.err.println("Whatever did start is still running; stop it with: ./hotline down");
            return EXIT_FAILED;
        }
    }

    private static int seed(List<String> options) {
        try {
            var run = SeedCommand.parse(options);
            return interruptible(() -> SeedCommand.run(Settings.fromEnvironment(), run));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return usage();
        } catch (StartupFailedException e) {
            System.err.println(e.getMessage());
            System.err.println("Whatever did start is still running; stop it with: ./hotline down");
            return EXIT_FAILED;
        }
    }

    /** Copies every store while the system runs (SPEC §8.1). */
    private static int backup(EmbeddedSystem system, List<String> options) {
        if (options.size() != 1) {
            return usage();
        }
        Path dir = Path.of(options.get(0)).toAbsolutePath();
        try {
            system.backup(dir);
            System.out.println("Backed up every store into " + dir);
            return EXIT_OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("the backup failed: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Puts a backup back while the system is stopped; the services catch up from Kafka when it starts. */
    private static int restore(EmbeddedSystem system, List<String> options) {
        if (options.size() != 1) {
            return usage();
        }
        Path dir = Path.of(options.get(0)).toAbsolutePath();
        String suffix = ".before-restore-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(LocalDateTime.now());
        try {
            system.restore(dir, suffix);
            System.out.println("Restored every store from " + dir + " (the replaced files end in " + suffix + ").");
            System.out.println("Start the system with ./hotline up: each service replays its topics from the positions "
                    + "the backup holds and catches up by itself.");
            return EXIT_OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("the restore failed: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private interface Command {
        int run() throws InterruptedException;
    }

    private static int interruptible(Command command) {
        try {
            return command.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILED;
        }
    }

    private static int usage() {
        System.err.println("usage: ./hotline up [--with-prometheus] | down | status | rebuild-stats");
        System.err.println("       ./hotline seed [--days 30] [--calls-per-day 40] [--minutes 8] [--random-seed 12345]");
        System.err.println("       ./hotline reconcile [--wait 60] | evaluate-suggestions");
        System.err.println("       ./hotline backup DIR      (while running) | ./hotline restore DIR  (while stopped)");
        System.err.println("       ./hotline dead-letters list [--topic T] | republish T:PARTITION:OFFSET ... | republish --all [--topic T]");
        return EXIT_USAGE;
    }
}
