package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path home;

    @Test
    void findsARecordedLiveProcess() {
        PidFiles pidFiles = new PidFiles(new Layout(home));

        pidFiles.record("self", ProcessHandle.current());

        assertThat(pidFiles.live("self")).contains(ProcessHandle.current());
    }

    @Test
    void ignoresAReusedPid() throws IOException {
        Layout layout = new Layout(home);
        Files.createDirectories(layout.runDir());
        // Same pid, different start instant: the pid now belongs to another process than the one recorded.
        Files.write(layout.pidFile("reused"), List.of(Long.toString(ProcessHandle.current().pid()),
                Instant.EPOCH.toString()));

        assertThat(new PidFiles(layout).live("reused")).isEmpty();
    }

    @Test
    void missingOrGarbledPidFilesMeanNotRunning() throws IOException {
        Layout layout = new Layout(home);
        Files.createDirectories(layout.runDir());
        Files.writeString(layout.pidFile("garbled"), "not a pid");
        PidFiles pidFiles = new PidFiles(layout);

        assertThat(pidFiles.live("missing")).isEmpty();
        assertThat(pidFiles.live("garbled")).isEmpty();
    }
}
