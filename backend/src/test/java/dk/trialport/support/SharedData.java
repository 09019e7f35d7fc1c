package dk.trialport.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The public data in {@code ../shared/data}, found by walking up from the working directory; absent on a bare clone. */
public final class SharedData {

    private SharedData() {}

    public static Optional<Path> directory(String child) {
        for (var dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("shared").resolve("data").resolve(child);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
