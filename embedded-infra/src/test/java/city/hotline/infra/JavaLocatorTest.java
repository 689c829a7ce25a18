package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaLocatorTest {

    @TempDir
    Path jvmRoot;

    @Test
    void picksTheNewestJdkOfAtLeast21() throws IOException {
        fakeJdk("java-17-openjdk", "17.0.15");
        fakeJdk("temurin-21-jdk", "21.0.7");
        fakeJdk("temurin-25-jdk", "25.0.3");

        assertThat(JavaLocator.newestJdk(jvmRoot)).contains(jvmRoot.resolve("temurin-25-jdk"));
    }

    @Test
    void findsNothingWhenOnlyOlderJdksAreInstalled() throws IOException {
        fakeJdk("java-17-openjdk", "17.0.15");
        fakeJdk("java-8-openjdk", "1.8.0_452");

        assertThat(JavaLocator.newestJdk(jvmRoot)).isEmpty();
    }

    private void fakeJdk(String name, String version) throws IOException {
        Path home = jvmRoot.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.createFile(java, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nIMPLEMENTOR=\"test\"\n");
    }
}
