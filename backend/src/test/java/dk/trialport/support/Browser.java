package dk.trialport.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for browser tests, as a
 * JUnit extension: a fresh browser with an empty profile for each test, a full-page screenshot of each page
 * looked at (under {@code target/screenshots/}), and axe-core's WCAG 2.1 AA rules run on it. Selenium Manager
 * never runs: the driver's path is given. Where the browser is not installed, the tests are skipped with a
 * note saying how to install it.
 */
public final class Browser
        implements ExecutionCondition, BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Path CHROMIUM = Path.of(System.getProperty("trialport.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("trialport.browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The WCAG 2.1 A and AA rules; best practices that are not WCAG requirements are left out. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        var reason = "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. To run them, "
                + "install Debian's browser and driver (apt-get install chromium chromium-driver), or run .ci/run, "
                + "which installs them.";
        System.err.println("[WARNING] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("trialport-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            var name = ("FAILED-" + context.getRequiredTestMethod().getName() + "-" + context.getDisplayName())
                    .replaceAll("[^A-Za-z0-9-]+", "_");
            try {
                screenshot(name);
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            } catch (RuntimeException | IOException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Sets the size of the window's viewport, e.g. 390 × 844 for a phone held upright. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        // The window includes the browser's frame; adjust until the page itself has the asked width.
        var inner = (Number) driver.executeScript("return window.innerWidth");
        var innerHeight = (Number) driver.executeScript("return window.innerHeight");
        driver.manage()
                .window()
                .setSize(new org.openqa.selenium.Dimension(
                        2 * width - inner.intValue(), 2 * height - innerHeight.intValue()));
    }

    /** How far below the top of the page the element starts, in CSS pixels. */
    public int top(WebElement element) {
        return ((Number) driver.executeScript(
                        "return arguments[0].getBoundingClientRect().top + window.scrollY", element))
                .intValue();
    }

    /** Whether the page is wider than its window, so a person would have to scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Waits until an element is visible. */
    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's main heading says this. */
    public void awaitHeading(String text) {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    /** Waits until the address ends in or contains this. */
    public void awaitUrlContains(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    public String h1() {
        return find(By.tagName("h1")).getText();
    }

    public String mainText() {
        return find(By.id("main-content")).getText();
    }

    /** The button that says this. */
    public WebElement button(String text) {
        return find(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** Types into the field with this id (after what it holds). */
    public void type(String id, String text) {
        find(By.id(id)).sendKeys(text);
    }

    /**
     * Logs in on the development identity provider's login form, which must be showing, as one of its demo users
     * (the password is the user name), and waits for the page the provider sends the browser back to.
     */
    public void logIn(String user) {
        find(By.id("login-form"));
        type("username", user);
        type("password", user);
        clickAndWait(find(By.id("login-submit")));
    }

    /**
     * Logs out of the portal and the identity provider by forgetting every cookie (both keep theirs on localhost),
     * opens the address, which must ask for a login, and logs in as another demo user.
     */
    public void switchUser(String url, String user) {
        driver.manage().deleteAllCookies();
        open(url);
        logIn(user);
    }

    /** Clicks a button or link and waits until the next page has replaced this one. */
    public void clickAndWait(WebElement element) {
        // A mark on the old page's window object, gone once the next page has loaded. Unlike holding on to an
        // element of the old page, this survives Chrome answering "node does not belong to the document" while
        // the page is being replaced: the check just runs again.
        driver.executeScript("window.trialportOldPage = true");
        element.click();
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.trialportOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Saves a screenshot of the page, then asserts that axe-core finds no WCAG 2.1 A or AA violation on it. */
    public void check(String name) {
        screenshot(name);
        assertAccessible(name);
    }

    /** The ids of the WCAG 2.1 A and AA rules axe-core finds broken on the page. */
    public List<String> violations() {
        return ids(new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations());
    }

    public void assertAccessible(String name) {
        var results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        record(name, results.getViolations(), results.getPasses(), results.getIncomplete());
        assertThat(results.getViolations())
                .as(() -> "axe-core (WCAG 2.1 AA) on " + name + " (" + driver.getCurrentUrl() + "):\n"
                        + describe(results.getViolations()))
                .isEmpty();
    }

    /** A screenshot of the whole page, not only the window, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        var metrics = (Map<String, Object>)
                driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        // The capture lays the page out again without a scroll bar, as wide as the window: a clip as wide as the
        // content beside the scroll bar would cut off the page's right edge.
        var window = ((Number) driver.executeScript("return window.innerWidth")).doubleValue();
        var width = Math.max(((Number) metrics.get("width")).doubleValue(), window);
        var height = ((Number) metrics.get("height")).doubleValue();
        var clip = Map.<String, Object>of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        var shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per page in {@code target/screenshots/axe.txt}: what axe-core found, for a reviewer. */
    private static void record(String name, List<Rule> violations, List<Rule> passes, List<Rule> incomplete) {
        var line = name + ": " + violations.size() + " violations " + ids(violations) + ", " + passes.size()
                + " rules passed, " + incomplete.size() + " to check by hand " + ids(incomplete)
                + System.lineSeparator();
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(
                    SCREENSHOTS.resolve("axe.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(List<Rule> rules) {
        return rules.stream().map(Rule::getId).toList();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream()
                                .map(node -> "    " + node.getTarget() + " " + node.getHtml() + "\n      "
                                        + String.valueOf(node.getFailureSummary())
                                                .replace("\n", "\n      "))
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
