package city.hotline.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds a program as a shell would: the first executable of that name in the PATH's folders. */
final class Executables {

    private Executables() {
    }

    static Optional<String> onPath(String name, String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder).resolve(name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
