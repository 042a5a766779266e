package uk.probation.gate.infra.stack.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;

/**
 * Base of every browser test: the shared whole stack, and browsers signed in as dev users.
 * <pre>{@code
 * class CaseworkerJourneyIT extends BrowserTest {
 *     @ParameterizedTest @EnumSource(Variant.class)          // desktop, 375 px wide, JavaScript off
 *     void journey(Variant variant) {
 *         Browser asha = signedIn("cw-nottingham", variant); // through the login page
 *         asha.click("A1234BC").press("Save and continue");   // each page: screenshot + axe-core check
 *     }
 * }
 * }</pre>
 * Data a journey needs but does not test is set up through the services' APIs with a dev client's token
 * ({@link #api}, {@link #token}); every step under test goes through the browser.
 */
public abstract class BrowserTest {

    private final List<Browser> browsers = new ArrayList<>();
    private Chromiums chromiums;
    private String testName;

    /** The run's Chromiums, in the root store: JUnit closes them (each quits) when the whole run ends. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.BeforeEachCallback lendChromiums = context -> chromiums = context.getRoot()
            .getStore(org.junit.jupiter.api.extension.ExtensionContext.Namespace.GLOBAL)
            .computeIfAbsent(Chromiums.class);

    /** A failed test screenshots each of its browsers on the page it was on (before they are given back). */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            for (Browser browser : browsers) {
                try {
                    browser.screenshotNow("failed");
                } catch (RuntimeException e) {
                    // a browser that died cannot be screenshotted; the failure itself is what matters
                }
            }
        }
    };

    protected static RunningStack stack() {
        return SharedStack.get();
    }

    @BeforeEach
    void name(TestInfo test) {
        Browser.requireTools(axeFile());
        String method = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        String display = test.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        testName = getClass().getSimpleName() + "." + method
                + (display.startsWith(method) || display.isEmpty() ? "" : "-" + display);
        stack();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    /** A browser on the desktop, signed in as this dev user. */
    protected Browser signedIn(String username) {
        return signedIn(username, Variant.DESKTOP);
    }

    protected Browser signedIn(String username, Variant variant) {
        return browser(username, variant).signIn(username);
    }

    /**
     * A browser not yet signed in, in a browser context of its own (no other browser's cookies); screenshots under
     * {@code target/screenshots/<test>[-<label>]/}.
     */
    protected Browser browser(String label, Variant variant) {
        String folder = testName + (browsers.isEmpty() ? "" : "-" + label);
        Browser browser = new Browser(stack().webAppUrl(), Path.of("target", "screenshots", folder), axeFile(),
                chromiums, variant);
        browsers.add(browser);
        return browser;
    }

    /** A service's API, to set up data the journey needs (not to act for the person under test). */
    protected static Http api(StackComponent service) {
        return new Http(stack().baseUrl(service).toString());
    }

    /**
     * A dev client's token (client credentials), e.g. {@code token("caseworker")}, {@code token("admin")}; held for a
     * few minutes ({@link SharedStack#token}).
     */
    protected static String token(String clientId) {
        return SharedStack.token(clientId);
    }

    static Path axeFile() {
        return projectRoot().resolve(".test-tools/node_modules/axe-core/axe.min.js");
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
