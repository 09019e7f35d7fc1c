package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.TrialportApplication;
import dk.trialport.support.PortalPort;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Two instances on one database, as behind a load balancer: a person who logged in on one (this test's application)
 * is logged in on the other (a second application started here), a form sent to the other with the CSRF token of a
 * page the first rendered is taken, one without it is refused, and logging out on one ends the session on both.
 */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsIT {

    private static final Pattern LOGOUT_CSRF =
            Pattern.compile("action=\"/logout\"[^>]*>.*?name=\"_csrf\"[^>]*value=\"([^\"]+)\"", Pattern.DOTALL);

    @LocalServerPort
    int portA;

    @Autowired
    DatabaseClient database;

    @Autowired
    PostgresSessions sessions;

    ConfigurableApplicationContext instanceB;
    int portB;

    @BeforeAll
    void aSecondInstance() {
        instanceB = new SpringApplicationBuilder(TrialportApplication.class)
                .initializers(new PortalPort())
                .run();
        portB = instanceB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aPersonLoggedInOnOneInstanceIsLoggedInOnTheOtherAndItsFormsWork() throws Exception {
        var login = new PortalLogin(portA);
        login.logIn("patient");
        // One browser: its cookies go to both instances (same host), a new session cookie is taken from either.
        var browser = HttpClient.newBuilder()
                .cookieHandler(login.cookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        assertThat(storedSessions()).as("the session is in PostgreSQL").isPositive();

        var myPageOnA = send(browser, get(portA, "/min-side"));
        assertThat(myPageOnA.statusCode()).isEqualTo(200);
        var csrf = LOGOUT_CSRF.matcher(myPageOnA.body());
        assertThat(csrf.find())
                .as("my page has a logout form with a CSRF token")
                .isTrue();
        var myPageOnB = send(browser, get(portB, "/min-side"));
        assertThat(myPageOnB.statusCode())
                .as(
                        "instance B knows the login (not sent to %s)",
                        myPageOnB.headers().firstValue("Location"))
                .isEqualTo(200);

        assertThat(send(browser, post(portB, "/logout", "")).statusCode())
                .as("a form without the CSRF token is refused")
                .isEqualTo(403);
        var loggedOut = send(
                browser, post(portB, "/logout", "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)));
        assertThat(loggedOut.statusCode())
                .as("instance B takes the token instance A put in the page")
                .isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location").orElseThrow()).doesNotContain("/oauth2/authorization");

        var afterwards = send(browser, get(portA, "/min-side"));
        assertThat(afterwards.statusCode())
                .as("logged out on B, logged out on A")
                .isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorization");
    }

    @Test
    void anExpiredSessionIsNotReadAndIsRemoved() {
        var session = sessions.createSession().block();
        session.setAttribute("something", "kept");
        session.setLastAccessedTime(Instant.now().minus(Duration.ofHours(2)));
        sessions.save(session).block();
        var fresh = sessions.createSession().block();
        fresh.setAttribute("something", "kept");
        sessions.save(fresh).block();

        assertThat(sessions.findById(session.getId()).blockOptional()).isEmpty();
        assertThat(sessions.findById(fresh.getId()).block().<String>getAttribute("something"))
                .isEqualTo("kept");
        assertThat(sessions.removeExpiredNow().block()).isPositive();
        assertThat(database.sql("SELECT count(*) AS n FROM web_session WHERE id = :id")
                        .bind("id", session.getId())
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isZero();
        assertThat(sessions.findById(fresh.getId()).blockOptional()).isPresent();
    }

    private long storedSessions() {
        return database.sql("SELECT count(*) AS n FROM web_session")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .build();
    }

    private static HttpRequest post(int port, String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request)
            throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
