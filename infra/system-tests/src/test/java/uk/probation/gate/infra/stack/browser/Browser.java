package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's browser on the web application: a headless Debian chromium (through Debian's chromedriver) borrowed
 * for the test and given back at its end, to start the next test afresh in a new browser context ({@link Chromiums}).
 * Every page it arrives on (after {@link #open}, {@link #click}, {@link #press} or {@link #signIn}) is checked with
 * axe-core and screenshotted to {@code target/screenshots/<test>/<nn>-<page>.png}: a violation of impact serious or
 * critical fails the test at once, naming the rule and the elements.
 * <p>
 * A page is checked once per look and variant in a test JVM: its look is the set of distinct element shapes it is
 * made of (tag, classes, role, type and which ARIA and labelling attributes it carries, not text or values), so the
 * same template showing other data, or more rows, is not checked again, while its error state, an extra component or
 * another viewport is. axe-core took about 330 ms a page and the screenshot 180 ms; most of a journey's pages are
 * looks already checked (the suite's time, issue #14 CI budget). A failing test screenshots every open browser
 * ({@link #screenshotNow}).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "run the README's test setup script (it installs Debian's chromium and "
            + "chromium-driver and runs: npm install --prefix .test-tools axe-core@4)";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Looks already checked in this JVM, with their variant. */
    private static final java.util.Set<String> CHECKED_LOOKS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The page's look: its distinct element shapes, sorted (run in an isolated world: works without JavaScript). */
    private static final String LOOK = "(() => { const shapes = new Set(); for (const e of document.querySelectorAll('*'))"
            + " { let k = e.tagName; if (e.classList.length) { k += '.' + [...e.classList].sort().join('.'); }"
            + " for (const a of e.getAttributeNames().sort()) { if (a === 'role' || a === 'type' || a === 'alt'"
            + " || a === 'for' || a === 'scope' || a === 'lang' || a === 'href' || a === 'tabindex'"
            + " || a.startsWith('aria-')) { k += '[' + a + ']'; } } shapes.add(k); }"
            + " return [...shapes].sort().join('|'); })()";

    private final Chromiums chromiums;
    private final Chromium chromium;
    private final ChromeDriver driver;
    private final URI baseUrl;
    private final Path screenshots;
    private final String axeSource;
    private final Variant variant;
    private int pageNumber;

    /** A Chromium of this variant borrowed from {@code chromiums} until {@link #close}. */
    Browser(URI baseUrl, Path screenshots, Path axeFile, Chromiums chromiums, Variant variant) {
        requireTools(axeFile);
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.variant = variant;
        try {
            this.axeSource = Files.readString(axeFile);
            deleteOldScreenshots(screenshots);
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.chromiums = chromiums;
        this.chromium = chromiums.borrow(variant);
        this.driver = chromium.driver();
    }

    /** A rerun's screenshots replace the last run's, so the folder shows one run. */
    private static void deleteOldScreenshots(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    static void requireTools(Path axeFile) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        }
        if (!Files.isRegularFile(axeFile)) {
            missing.add(axeFile + " (npm package axe-core)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The browser tests need " + String.join(", ", missing) + ": "
                    + INSTALL_HINT);
        }
    }

    public Variant variant() {
        return variant;
    }

    /** Signs in through the auth server's login page as a dev user (password: username + "-dev"). */
    public Browser signIn(String username) {
        open("/");
        assertThat(driver.getCurrentUrl()).as("the web app sends a signed-out person to the login page")
                .contains("/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(username + "-dev");
        press(By.cssSelector("form button[type=submit], form input[type=submit]"));
        assertThat(driver.getCurrentUrl()).as("signed in and back on the web app").startsWith(baseUrl.toString());
        return this;
    }

    /** Goes to a path of the web app (or a full URL) and checks the page. */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        check();
        return this;
    }

    /** Follows the link with this text (exact, or contained when no exact match) and checks the page. */
    public Browser click(String linkText) {
        WebElement link;
        try {
            link = driver.findElement(By.linkText(linkText));
        } catch (NoSuchElementException e) {
            link = driver.findElement(By.partialLinkText(linkText));
        }
        WebElement pressed = link;
        return navigate(pressed::click);
    }

    /** Presses the button with this text (a submit button, or a link styled as one) and checks the page. */
    public Browser press(String buttonText) {
        return press(By.xpath("//button[normalize-space()=" + xpathLiteral(buttonText) + "]"
                + " | //input[@type='submit' and @value=" + xpathLiteral(buttonText) + "]"
                + " | //a[@role='button' and normalize-space()=" + xpathLiteral(buttonText) + "]"));
    }

    public Browser press(By button) {
        WebElement element = driver.findElement(button);
        return navigate(element::click);
    }

    /** Does something that loads a new page, waits until the old page is gone, then checks the new one. */
    public Browser navigate(Runnable action) {
        WebElement before = driver.findElement(By.tagName("html"));
        action.run();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (!isStale(before)) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("no new page after 60 s on " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        driver.findElement(By.tagName("body"));
        check();
        return this;
    }

    /** Types into the field labelled {@code label} (exact label text), replacing what was there. */
    public Browser fill(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Types into the field with this id (e.g. a date input's {@code releasedOn-day}), replacing what was there. */
    public Browser type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Reloads the page until {@code ready} holds (e.g. an event has reached another service), then checks it. */
    public Browser reloadUntil(java.util.function.Predicate<Browser> ready, Duration atMost) {
        java.time.Instant deadline = java.time.Instant.now().plus(atMost);
        while (!ready.test(this)) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("page " + driver.getCurrentUrl() + " not ready after " + atMost.toSeconds()
                        + " s; it shows:\n" + text());
            }
            try {
                // events reach the other services in a few hundred ms: look again soon
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            driver.navigate().refresh();
        }
        check();
        return this;
    }

    /** Picks the radio button or ticks the checkbox labelled {@code label} (within the fieldset, if given). */
    public Browser choose(String label) {
        WebElement input = field(label);
        if (!input.isSelected()) {
            driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
        }
        return this;
    }

    /**
     * Picks the radio button labelled {@code label} in the group whose legend is {@code legend} (exact texts), for
     * pages with several groups offering the same choices, e.g. many yes/no questions.
     */
    public Browser choose(String legend, String label) {
        WebElement labelElement = driver.findElement(By.xpath("//fieldset[legend[normalize-space()="
                + xpathLiteral(legend) + "]]//label[normalize-space()=" + xpathLiteral(label) + "]"));
        WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
        if (!input.isSelected()) {
            labelElement.click();
        }
        return this;
    }

    /** Picks the option with this visible text in the select labelled {@code label}. */
    public Browser select(String label, String optionText) {
        new org.openqa.selenium.support.ui.Select(field(label)).selectByVisibleText(optionText);
        return this;
    }

    /** The form field a label points at. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(label)
                + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public String value(String label) {
        return field(label).getAttribute("value");
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    /** Everything the page shows in its main part. */
    public String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public String text(By element) {
        return driver.findElement(element).getText();
    }

    public List<WebElement> all(By elements) {
        return driver.findElements(elements);
    }

    public boolean has(By element) {
        return !driver.findElements(element).isEmpty();
    }

    /** The path and query the browser is on, e.g. {@code /cases/abc}. */
    public String path() {
        URI here = URI.create(driver.getCurrentUrl());
        return here.getRawPath() + (here.getRawQuery() == null ? "" : "?" + here.getRawQuery());
    }

    /** How many pages this browser has arrived on (each screenshotted and checked), e.g. to count a journey's pages. */
    public int pagesSeen() {
        return pageNumber;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Screenshot and accessibility check of the page now shown, whatever brought it. */
    public Browser check() {
        pageNumber++;
        String name = String.format(Locale.ROOT, "%02d-%s", pageNumber, slug(driver.getTitle()));
        Object context = isolatedWorld("look");
        String look = variant + " " + evaluate(context, LOOK, false);
        if (!CHECKED_LOOKS.add(look)) {
            return this;
        }
        screenshot(screenshots.resolve(name + ".png"));
        List<String> violations = axeViolations();
        if (!violations.isEmpty()) {
            // checked again next time it is seen, so each failing page fails its own test
            CHECKED_LOOKS.remove(look);
        }
        assertThat(violations).as("axe-core found serious or critical problems on page %s (%s), screenshot %s",
                name, driver.getCurrentUrl(), screenshots.resolve(name + ".png")).isEmpty();
        return this;
    }

    /** Screenshots the page shown now, e.g. when a test failed on it: {@code <nn>-<label>.png}. */
    public void screenshotNow(String label) {
        screenshot(screenshots.resolve(String.format(Locale.ROOT, "%02d-%s.png", pageNumber, label)));
    }

    /** The whole page, not only the window: the layout's full size through the DevTools protocol. */
    private void screenshot(Path file) {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
            // optimizeForSpeed: a faster, lighter PNG compression (files about a quarter larger, pixels the same);
            // an 8,000 px page took 0.75-1.0 CPU-seconds to capture without it, 0.45-0.6 with it
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "optimizeForSpeed", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * axe-core's violations of impact serious or critical, one line each. axe runs in an isolated world of the page
     * (like a browser extension), through the DevTools protocol: that also works where the page's own JavaScript is
     * turned off, where timers do not fire, so setTimeout there is a microtask.
     */
    private List<String> axeViolations() {
        String json = evaluate(isolatedWorld("axe-check"),
                "window.setTimeout = (fn, ms, ...args) => { Promise.resolve().then(() => fn(...args));"
                        + " return 0; }; window.clearTimeout = () => {};\n" + axeSource
                        + "\n;axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))",
                true);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(json)) {
            String impact = violation.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                serious.add(impact + " " + violation.path("id").asString() + ": " + violation.path("help").asString()
                        + " at " + targets);
            }
        }
        return serious;
    }

    /** A new isolated world (like a browser extension's) in the page's main frame: its execution context id. */
    private Object isolatedWorld(String name) {
        Map<String, Object> tree = driver.executeCdpCommand("Page.getFrameTree", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> frame = (Map<String, Object>) ((Map<String, Object>) tree.get("frameTree")).get("frame");
        Map<String, Object> world = driver.executeCdpCommand("Page.createIsolatedWorld",
                Map.of("frameId", frame.get("id"), "worldName", name, "grantUniveralAccess", true));
        return world.get("executionContextId");
    }

    /** Evaluates a script giving a string in that world (awaiting its promise when {@code promise}). */
    private String evaluate(Object context, String expression, boolean promise) {
        Map<String, Object> result = driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", expression,
                "contextId", context, "awaitPromise", promise, "returnByValue", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) result.get("result");
        if (value == null || !(value.get("value") instanceof String text)) {
            throw new IllegalStateException("a script did not run on " + driver.getCurrentUrl() + ": " + result);
        }
        return text;
    }

    static String slug(String title) {
        String page = title == null || title.isBlank() ? "page" : title.split(" [–-] ")[0];
        String slug = page.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "page" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** Gives the Chromium back for the next test (in a new browser context). */
    @Override
    public void close() {
        chromiums.giveBack(chromium);
    }

    static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            // Chromium answers "Node with given id does not belong to the document" for the old page's root while
            // the new one is replacing it: that is the navigation we are waiting for, not a failure
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
