package city.hotline.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code java} command lines for child processes; {@code classpath} is used for main classes, not for jars,
 * and {@code infraOptions} come after the infrastructure's defaults, so they override them.
 */
record JavaCommand(String java, String classpath, List<String> infraOptions) {

    /** Serial GC: these JVMs have small heaps and share a laptop with many others. */
    private static final String GC = "-XX:+UseSerialGC";

    /**
     * C1 only: on a small machine it starts the broker about 40% faster (JIT threads compete with the other JVMs
     * starting at the same time), and peak throughput does not matter for the infrastructure of a dev system.
     */
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    /** Command for an infrastructure process: a main class from {@code classpath}. */
    List<String> main(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx" + heap, GC, QUICK_JIT));
        command.addAll(infraOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Command for a Spring Boot service: an executable jar with the default JIT, and a class-data archive that the
     * JVM writes on the first run and maps on later ones (JDK 19+; rebuilt by the JVM when the jar changes). Four
     * services starting at once on two cores spend most of their start-up loading classes, which this saves.
     * Older JDKs ignore the option.
     */
    List<String> jar(String heap, Path jar, Path classDataArchive) {
        return List.of(java, "-Xmx" + heap, GC, "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + classDataArchive, "-jar", jar.toString());
    }
}
