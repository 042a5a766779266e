package uk.probation.gate.infra.stack.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.ConverterFunctions;
import org.openqa.selenium.devtools.DevTools;

/**
 * One headless Debian chromium of one {@link Variant}, driven through Debian's chromedriver, with a profile directory
 * of its own that is deleted when it quits. A test JVM keeps it for test after test ({@link Chromiums}): between two
 * tests it moves into a new browser context (incognito-like: none of the cookies, storage, cache or history of the
 * tests before), so each test starts signed out in a clean session without launching a browser.
 */
final class Chromium {

    private final Variant variant;
    private final Path profile;
    private final ChromeDriver driver;
    /** The browser context of the window now driven; null while it is the profile's own (first) one. */
    private String context;

    private Chromium(Variant variant, Path profile, ChromeDriver driver) {
        this.variant = variant;
        this.profile = profile;
        this.driver = driver;
    }

    static Chromium launch(Variant variant) {
        Path profile;
        try {
            profile = Files.createTempDirectory("browser-test-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Browser.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options(variant, profile));
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
        Chromium chromium = new Chromium(variant, profile, driver);
        chromium.fitViewport();
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return chromium;
    }

    private static ChromeOptions options(Variant variant, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + variant.width + "," + variant.height,
                "--lang=en-GB");
        if (!variant.javascript) {
            // a profile preference: the browser contexts made from this profile keep JavaScript off too
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return options;
    }

    /** Emulates the variant's viewport where a window cannot have it; set on each new window (tab). */
    private void fitViewport() {
        if (variant == Variant.NARROW) {
            // a desktop window cannot be narrower than about 500 px: emulate the phone's 375 px viewport instead
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", variant.width,
                    "height", variant.height, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    Variant variant() {
        return variant;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Moves to a blank tab in a new browser context and disposes of the old context with its windows, cookies and
     * storage. Creating contexts is a browser-wide command, so it goes over the browser's own DevTools connection,
     * not chromedriver's connection to the page; the new tab is a window chromedriver then switches to.
     */
    void startAfresh() {
        DevTools devTools = driver.getDevTools();
        String newContext = devTools.send(new Command<>("Target.createBrowserContext", Map.of(),
                ConverterFunctions.map("browserContextId", String.class)));
        String tab = devTools.send(new Command<>("Target.createTarget", Map.of("url", "about:blank",
                "browserContextId", newContext), ConverterFunctions.map("targetId", String.class)));
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(tab)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(tab);
        if (context != null) {
            devTools.send(new Command<>("Target.disposeBrowserContext", Map.of("browserContextId", context)));
        }
        context = newContext;
        fitViewport();
    }

    /** Quits the browser and its chromedriver, and deletes its profile. */
    void quit() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left behind in the temporary directory is untidy, not a failure
        }
    }
}
