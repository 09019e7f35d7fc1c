package dk.trialport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A person's real login to the portal over HTTP, as a browser does it: the portal sends them to the identity
 * provider, they sign in there, and come back with a code; what is left is the portal's session cookie.
 */
final class PortalLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI portal;

    PortalLogin(int port) {
        this.portal = URI.create("http://localhost:" + port);
    }

    /** Logs {@code user} in (the development users' password is their name); returns the portal's Cookie header. */
    String logIn(String user) throws IOException, InterruptedException {
        var authorize = location(get(portal.resolve("/oauth2/authorization/trialport")));
        var login = location(get(authorize));
        var form = get(login);
        var csrf = CSRF.matcher(form.body());
        var body = "username=" + user + "&password=" + user + (csrf.find() ? "&_csrf=" + encode(csrf.group(1)) : "");
        var signedIn = http.send(
                HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var callback = location(get(location(signedIn)));
        assertThat(callback.toString()).as("back at the portal with a code").startsWith(portal + "/login/oauth2/code/");
        var home = get(callback);
        assertThat(home.statusCode()).as("the portal takes the code").isEqualTo(302);
        return cookies.getCookieStore().get(portal).stream()
                .map(Object::toString)
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    }

    /**
     * The browser's cookies after {@link #logIn}: a client with them sends the portal's session cookie to every
     * instance on this host, and takes a new one when an instance sets it, as a browser behind a load balancer does.
     */
    CookieManager cookies() {
        return cookies;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("a redirect from %s", response.uri())
                .isBetween(300, 399);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
