package city.hotline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Picks the java executable for the services, which need 21+ for virtual threads. */
final class JavaLocator {

    static final Path JVM_ROOT = Path.of("/usr/lib/jvm");
    static final int MINIMUM_FEATURE_VERSION = 21;
    static final String PATH_JAVA = "java";

    /** JDK images carry their version in the {@code release} file, so no JVM has to be started to find out. */
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private JavaLocator() {
    }

    /** The newest {@code /usr/lib/jvm/<jdk>/bin/java} of version 21 or later, else {@code java} from the PATH. */
    static String preferredJava() {
        return newestJdk(JVM_ROOT).map(home -> home.resolve("bin").resolve("java").toString()).orElse(PATH_JAVA);
    }

    static Optional<Path> newestJdk(Path jvmRoot) {
        if (!Files.isDirectory(jvmRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmRoot)) {
            return homes
                    .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .filter(home -> featureVersion(home) >= MINIMUM_FEATURE_VERSION)
                    .max(Comparator.comparingInt(JavaLocator::featureVersion)
                            .thenComparing(home -> home.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + jvmRoot, e);
        }
    }

    private static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isReadable(release)) {
            return 0;
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
