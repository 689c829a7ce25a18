package city.hotline.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code java} command lines for child processes; {@code classpath} is used for main classes, not for jars. */
record JavaCommand(String java, String classpath) {

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
                List.of(java, "-Xmx" + heap, GC, QUICK_JIT, "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Command for a Spring Boot service: an executable jar with the default JIT. */
    List<String> jar(String heap, Path jar) {
        return List.of(java, "-Xmx" + heap, GC, "-jar", jar.toString());
    }
}
