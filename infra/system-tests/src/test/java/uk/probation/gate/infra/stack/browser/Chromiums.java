package uk.probation.gate.infra.stack.browser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chromiums of a test run, lent to one {@link Browser} at a time and given back when its test ends. A run used to
 * launch a browser for every person in every test (about 60, each a chromedriver, a browser and a new profile: issue
 * #14's CI budget); now it launches one per variant, and another only while a test has two people at once on the same
 * variant. A Chromium given back starts afresh in a new browser context before it is lent again; one that cannot (it
 * died, or hangs) is quit instead. {@link BrowserTest} keeps this in JUnit's root store, which closes it when the run
 * ends: every Chromium quits and its profile is deleted. A JVM stopped before that (surefire's fork exits when it
 * loses Maven) quits them in a shutdown hook, as the stack stops its children.
 */
final class Chromiums implements AutoCloseable {

    private final Map<Variant, Deque<Chromium>> free = new EnumMap<>(Variant.class);
    /** Every Chromium launched and not yet quit, lent or free; the shutdown hook reads it without the lock. */
    private final Set<Chromium> running = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::quitAll, "chromiums-shutdown");

    Chromiums() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    synchronized Chromium borrow(Variant variant) {
        Chromium chromium = free.computeIfAbsent(variant, key -> new ArrayDeque<>()).poll();
        if (chromium == null) {
            chromium = Chromium.launch(variant);
            running.add(chromium);
        }
        return chromium;
    }

    synchronized void giveBack(Chromium chromium) {
        try {
            chromium.startAfresh();
            free.computeIfAbsent(chromium.variant(), key -> new ArrayDeque<>()).push(chromium);
        } catch (RuntimeException e) {
            // it died or hangs: the next test of its variant launches another
            quit(chromium);
        }
    }

    @Override
    public void close() {
        quitAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook is running or about to; quitting twice quits nothing
        }
    }

    private void quitAll() {
        List.copyOf(running).forEach(this::quit);
    }

    private void quit(Chromium chromium) {
        if (!running.remove(chromium)) {
            return;
        }
        try {
            chromium.quit();
        } catch (RuntimeException e) {
            // one browser that will not quit must not keep the others (and their profiles) behind
        }
    }
}
