package city.hotline.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** The end of a log file, shown when a process fails to start. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path log, int lines) {
        if (!Files.isReadable(log)) {
            return "(no log at " + log + ")";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        // An InputStreamReader replaces malformed bytes instead of failing like Files.lines would.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), tail);
    }
}
