package dk.trialport.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the platform's servers when the JVM that started them dies without stopping them ({@code kill -9}, an
 * out-of-memory kill): a small shell process in its own session waits for the JVM to go, then asks each server
 * still recorded in its pid file to stop (SIGINT: PostgreSQL's fast shutdown, a JVM's shutdown hooks) and, after
 * a grace period, kills what is left. A pid is signalled only while its command line still names the server's
 * marker, so a recycled pid of some other program is left alone. On a normal stop the platform stops the servers
 * itself and then the watch.
 */
final class ServerWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerWatch.class);

    /** A server as the watch finds it: the pid file it keeps and a word of its command line. */
    record Watched(Path pidFile, String marker) {}

    static final int GRACE_SECONDS = 20;

    private static final String SCRIPT = """
            jvm=$1; shift
            while kill -0 "$jvm" 2>/dev/null && ! grep -qs '^State:.*Z' /proc/"$jvm"/status; do sleep 1; done
            signal() {
              for watched in "$@"; do
                file=${watched%%|*}; marker=${watched#*|}
                [ -f "$file" ] || continue
                pid=$(head -n 1 "$file" | tr -dc 0-9)
                [ -n "$pid" ] || continue
                tr '\\0' ' ' < /proc/"$pid"/cmdline 2>/dev/null | grep -qF -- "$marker" && kill -"$sig" "$pid" 2>/dev/null
              done
            }
            sig=INT; signal "$@"
            i=0; while [ $i -lt %d ]; do sleep 1; i=$((i+1)); done
            sig=KILL; signal "$@"
            """.formatted(GRACE_SECONDS);

    private final Process process;

    private ServerWatch(Process process) {
        this.process = process;
    }

    /** Starts watching this JVM on behalf of {@code servers}; null where no shell can be started. */
    static ServerWatch start(List<Watched> servers) {
        var command = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(
                "/bin/sh",
                "-c",
                SCRIPT,
                "server-watch",
                Long.toString(ProcessHandle.current().pid())));
        servers.forEach(server -> command.add(server.pidFile() + "|" + server.marker()));
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            log.debug("Watching for this JVM's end to stop its servers (watch pid {})", process.pid());
            return new ServerWatch(process);
        } catch (IOException e) {
            log.warn(
                    "Cannot watch for this JVM's end ({}): servers outlive a kill -9 until the next start",
                    e.getMessage());
            return null;
        }
    }

    /** The servers stopped themselves: the watch is not needed any more. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
