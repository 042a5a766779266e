package uk.probation.gate.infra.stack.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.probation.gate.infra.stack.LocalStack;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackOptions;

/**
 * One whole local stack (Kafka, Mongo wire server, auth server, the four services, the web app) for every browser
 * test class in this JVM: started by the first test that asks, stopped when the JVM ends (RunningStack's hook).
 * Its logs stay in {@code infra/system-tests/target/browser-stack/run-<pid>/logs/}. Tests outside the browser package
 * that need the whole stack but no browser (DataProtectionIT) share it too, so CI starts one stack for all of them.
 */
public final class SharedStack {

    /** Tokens live ten minutes (the auth server's default): a held one is fetched again after four. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private static RunningStack stack;

    private record Token(String value, Instant fetchedAt) {
    }

    private SharedStack() {
    }

    public static synchronized RunningStack get() {
        if (stack == null) {
            // data and logs kept after the run, to read when a page fails: one folder per test JVM, since several
            // builds may run the suite at once in one checkout (-Dbrowser.data-dir=DIR chooses another)
            String dataDir = System.getProperty("browser.data-dir",
                    "target/browser-stack/run-" + ProcessHandle.current().pid());
            StackOptions options = StackOptions.defaults().withRandomPorts()
                    .withDataDir(java.nio.file.Path.of(dataDir)).withReset()
                    .withStartupTimeout(Duration.ofSeconds(300))
                    // training the class-data archives took about 90 CPU-seconds beside the tests, for two restarts
                    // (GracefulShutdownIT) that each start about 4 CPU-seconds cheaper from one (ADR 0014)
                    .withArchiveTraining(false)
                    // the gauges the tests read refresh every second here (every 5 minutes by default, ADR 0013)
                    .withArgsForAllServices("--resettlement.metrics-refresh=PT1S", "--referral.metrics-refresh=PT1S",
                            "--community-payback.metrics-refresh=PT1S");
            // -Dbrowser.project-root=DIR runs another checkout's jars (e.g. to try a fix in one module)
            String root = System.getProperty("browser.project-root");
            if (root != null && !root.isBlank()) {
                options.withProjectRoot(java.nio.file.Path.of(root));
            }
            stack = LocalStack.start(options);
        }
        return stack;
    }

    /**
     * A dev client's access token on the shared stack, the same one for a few minutes. The auth server checks a
     * client's secret with BCrypt, about 150 ms of its CPU a token, and the tests asked for one with every API call,
     * every poll of a wait and every retry: hundreds a run, beside the services they were waiting for.
     */
    public static String token(String clientId) {
        return TOKENS.compute(clientId, (id, held) -> held != null
                && Instant.now().isBefore(held.fetchedAt().plus(TOKEN_REUSE)) ? held
                : new Token(get().accessToken(id), Instant.now())).value();
    }
}
