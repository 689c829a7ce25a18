package city.hotline.infra;

import city.hotline.infra.DeadLetter.Coordinates;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;

/**
 * {@code ./hotline dead-letters list [--topic T]} shows every dead letter (one line each, never the value's content);
 * {@code ./hotline dead-letters republish T:PARTITION:OFFSET ... | --all [--topic T]} puts the chosen ones back on
 * their original topic once the cause is fixed, each original at most once. See {@link DeadLetters}.
 */
final class DeadLettersCommand {
    static final String USAGE = "usage: ./hotline dead-letters list [--topic T] | republish T:PARTITION:OFFSET ... | republish --all [--topic T]";

    private static final int EXIT_OK = 0;
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 2;

    private DeadLettersCommand() {}

    /** What the options ask for. {@code chosen} is empty for {@code list} and {@code republish --all}. */
    record Request(boolean republish, Optional<String> topic, boolean all, List<Coordinates> chosen) {}

    static int run(Settings settings, List<String> options) {
        if (!options.isEmpty() && (options.get(0).equals("list") || options.get(0).equals("republish"))
                && !new KafkaHealthCheck("localhost", settings.ports().kafka(), Settings.HEALTH_PROBE_TIMEOUT).isHealthy()) {
            System.err.println("Kafka is not reachable at " + settings.kafkaBootstrapServers()
                    + " (is the system up? ./hotline status)");
            return EXIT_FAILED;
        }
        return run(settings.kafkaBootstrapServers(), options, System.out, System.err);
    }

    static int run(String bootstrapServers, List<String> options, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(options);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        try (DeadLetters deadLetters = new DeadLetters(bootstrapServers)) {
            if (!request.republish()) {
                deadLetters.listing(request.topic()).forEach(out::println);
                return EXIT_OK;
            }
            List<Coordinates> chosen = request.all() ? deadLetters.notYetRepublished(request.topic()) : request.chosen();
            if (chosen.isEmpty()) {
                out.println("nothing to republish: every dead letter's original was republished already");
                return EXIT_OK;
            }
            List<DeadLetters.Outcome> outcomes = deadLetters.republish(chosen);
            outcomes.forEach(outcome -> out.println(outcome.line()));
            return outcomes.stream().allMatch(DeadLetters.Outcome::republished) ? EXIT_OK : EXIT_FAILED;
        } catch (IllegalArgumentException | IllegalStateException | KafkaException e) {
            err.println("dead-letters failed (Kafka at " + bootstrapServers + "): " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** @throws IllegalArgumentException for options that do not make one of the requests above */
    static Request parse(List<String> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("say list or republish");
        }
        String action = options.get(0);
        if (!action.equals("list") && !action.equals("republish")) {
            throw new IllegalArgumentException("unknown dead-letters action: " + action);
        }
        Optional<String> topic = Optional.empty();
        boolean all = false;
        List<Coordinates> chosen = new ArrayList<>();
        for (int i = 1; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--topic")) {
                if (i + 1 >= options.size() || options.get(i + 1).isBlank() || options.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--topic needs a topic name");
                }
                if (topic.isPresent()) {
                    throw new IllegalArgumentException("--topic given twice");
                }
                topic = Optional.of(options.get(++i));
            } else if (option.equals("--all") && action.equals("republish")) {
                all = true;
            } else if (option.startsWith("--") || action.equals("list")) {
                throw new IllegalArgumentException("unknown option for dead-letters " + action + ": " + option);
            } else {
                chosen.add(Coordinates.parse(option));
            }
        }
        if (action.equals("list")) {
            return new Request(false, topic, false, List.of());
        }
        if (all && !chosen.isEmpty()) {
            throw new IllegalArgumentException("republish either --all or chosen dead letters, not both");
        }
        if (!all && topic.isPresent()) {
            throw new IllegalArgumentException("--topic goes with republish --all; chosen dead letters name their topic");
        }
        if (!all && chosen.isEmpty()) {
            throw new IllegalArgumentException("republish which? name them as TOPIC:PARTITION:OFFSET (see list), or --all");
        }
        return new Request(true, topic, all, List.copyOf(chosen));
    }
}
