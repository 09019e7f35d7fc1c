package dk.trialport.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch refuses to run as root. When this process is root, the node runs as an unprivileged
 * system user ({@value #NAME}), created on first use, that owns the node's directory.
 */
final class SearchNodeUser {

    static final String NAME = "trialport";

    private static final Logger log = LoggerFactory.getLogger(SearchNodeUser.class);

    private SearchNodeUser() {}

    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Where the node's files go. Normally {@code preferred}; as root, a directory the unprivileged
     * user can reach when {@code preferred} lies below one it cannot enter (such as {@code /root}).
     */
    static Path nodeDirectory(Path preferred) {
        if (!runningAsRoot() || othersCanTraverse(preferred.getParent())) {
            return preferred;
        }
        var fallback = Path.of(
                "/var/lib/trialport",
                "search-" + Integer.toHexString(preferred.toString().hashCode()));
        log.info("{} is not reachable for user {}: the Elasticsearch node lives in {}", preferred, NAME, fallback);
        return fallback;
    }

    /** The command prefix that runs a program as the unprivileged user, or nothing when not root. */
    static List<String> commandPrefix() {
        return runningAsRoot() ? List.of("runuser", "-u", NAME, "--") : List.of();
    }

    /** As root: makes sure the user exists and owns {@code directory}. */
    static void takeOwnership(Path directory) {
        if (!runningAsRoot()) {
            return;
        }
        if (run("getent", "passwd", NAME) != 0) {
            int created = run(
                    "useradd",
                    "--system",
                    "--user-group",
                    "--no-create-home",
                    "--home-dir",
                    "/nonexistent",
                    "--shell",
                    "/usr/sbin/nologin",
                    NAME);
            if (created != 0 && run("getent", "passwd", NAME) != 0) {
                throw new IllegalStateException("Could not create the system user '" + NAME + "' for Elasticsearch");
            }
            log.info("Created system user '{}' to run Elasticsearch (it refuses to run as root)", NAME);
        }
        if (run("chown", "-R", NAME + ":" + NAME, directory.toString()) != 0) {
            throw new IllegalStateException("Could not give " + directory + " to user " + NAME);
        }
    }

    private static boolean othersCanTraverse(Path directory) {
        for (var dir = directory; dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir)
                        && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int run(String... command) {
        try {
            var process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
