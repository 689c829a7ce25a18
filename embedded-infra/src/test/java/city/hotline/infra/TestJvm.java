package city.hotline.infra;

import java.util.List;

/** Child processes in tests run on the test JVM's own java with the test classpath, no packaged jar needed. */
final class TestJvm {

    private TestJvm() {
    }

    static JavaCommand javaCommand() {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new JavaCommand(java, System.getProperty("java.class.path"), List.of());
    }
}
