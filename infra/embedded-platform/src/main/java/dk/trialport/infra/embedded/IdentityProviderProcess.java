package dk.trialport.infra.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The development OpenID Connect provider ({@code infra/identity-provider}) run as a child JVM. */
final class IdentityProviderProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderProcess.class);

    private final ChildProcess process;
    private final String issuer;

    private IdentityProviderProcess(ChildProcess process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    static IdentityProviderProcess start(PlatformArtifacts artifacts, Path directory, Path logFile, int port) {
        int actualPort = FreePort.orFree(port);
        var issuer = "http://localhost:" + actualPort;
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-jar",
                artifacts.identityProviderJar().toString(),
                "--server.port=" + actualPort,
                "--server.address=127.0.0.1",
                "--trialport.idp.issuer=" + issuer,
                "--trialport.idp.key-file=" + directory.resolve("signing-key.json"));
        var process = ChildProcess.start(
                "Identity provider", command, directory, logFile, directory.resolve("identity-provider.pid"), Map.of());
        try {
            process.awaitHttpOk(issuer + "/.well-known/openid-configuration", Duration.ofMinutes(2), logFile);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        log.info("Identity provider ready at {}", issuer);
        return new IdentityProviderProcess(process, issuer);
    }

    String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        process.close();
    }
}
