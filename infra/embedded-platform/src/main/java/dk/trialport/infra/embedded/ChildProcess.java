package dk.trialport.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server started as a child process, with a pid file so that a run killed without cleaning up
 * leaves nothing behind the next start cannot find and stop.
 */
final class ChildProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path pidFile) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
    }

    /** Starts {@code command}, first stopping whatever an earlier run recorded in {@code pidFile}. */
    static ChildProcess start(
            String name,
            List<String> command,
            Path workingDirectory,
            Path logFile,
            Path pidFile,
            Map<String, String> environment) {
        stopLeftover(name, pidFile, String.join(" ", command));
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            var builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            var process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            log.info("{} starting (pid {}, log {})", name, process.pid(), logFile);
            return new ChildProcess(name, process, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start: " + e.getMessage(), e);
        }
    }

    /** Waits until {@code url} answers 200, or fails with the end of the log. */
    void awaitHttpOk(String url, Duration timeout, Path logFile) {
        var deadline = Instant.now().plus(timeout);
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + ":\n" + tail(logFile));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " did not answer " + url + " within " + timeout + ":\n" + tail(logFile));
    }

    /** Kills the process and everything it started at once (SIGKILL, as {@code kill -9}): nothing is cleaned up. */
    void kill() {
        var all = new ArrayList<ProcessHandle>();
        process.toHandle().descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (var handle : all) {
            handle.onExit().join();
        }
        log.info("{} killed", name);
    }

    /** Stops the process as SIGTERM does and waits for it to end, at most {@code timeout}: whether it ended. */
    boolean terminate(Duration timeout) {
        process.destroy();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process and everything it started, politely first. */
    @Override
    public void close() {
        stopTree(process.toHandle());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.debug("could not delete {}", pidFile);
        }
        log.info("{} stopped", name);
    }

    /**
     * Stops a process an earlier run recorded in {@code pidFile}, if it is still alive and its command
     * line still mentions {@code marker} (so a recycled pid of some other program is left alone).
     */
    static void stopLeftover(String name, Path pidFile, String marker) {
        readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> sharesArgument(line, marker))
                        .orElse(false))
                .ifPresent(leftover -> {
                    log.warn("{} from an earlier run is still running (pid {}): stopping it", name, leftover.pid());
                    stopTree(leftover);
                });
    }

    private static boolean sharesArgument(String commandLine, String marker) {
        for (var argument : marker.split(" ")) {
            if (argument.length() > 12 && commandLine.contains(argument)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopTree(ProcessHandle root) {
        var all = new ArrayList<ProcessHandle>();
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        for (var handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static String tail(Path logFile) {
        try {
            var lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
