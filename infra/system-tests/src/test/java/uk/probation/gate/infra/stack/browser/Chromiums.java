package uk.probation.gate.infra.stack.browser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Chromiums of a test run, lent to one {@link Browser} at a time and given back when its test ends. A run used to
 * launch a browser for every person in every test (about 60, each a chromedriver, a browser and a new profile: issue
 * #14's CI budget); now it launches one per variant, and another only while a test has two people at once on the same
 * variant. A Chromium given back starts afresh in a new browser context before it is lent again; one that cannot (it
 * died, or hangs) is quit instead. {@link BrowserTest} keeps this in JUnit's root store, which closes it when the run
 * ends: every Chromium quits and its profile is deleted.
 */
final class Chromiums implements AutoCloseable {

    private final Map<Variant, Deque<Chromium>> free = new EnumMap<>(Variant.class);
    private final List<Chromium> lent = new ArrayList<>();

    synchronized Chromium borrow(Variant variant) {
        Chromium chromium = free.computeIfAbsent(variant, key -> new ArrayDeque<>()).poll();
        if (chromium == null) {
            chromium = Chromium.launch(variant);
        }
        lent.add(chromium);
        return chromium;
    }

    synchronized void giveBack(Chromium chromium) {
        lent.remove(chromium);
        try {
            chromium.startAfresh();
            free.computeIfAbsent(chromium.variant(), key -> new ArrayDeque<>()).push(chromium);
        } catch (RuntimeException e) {
            // it died or hangs: the next test of its variant launches another
            quit(chromium);
        }
    }

    @Override
    public synchronized void close() {
        List<Chromium> all = new ArrayList<>(lent);
        free.values().forEach(all::addAll);
        lent.clear();
        free.clear();
        all.forEach(Chromiums::quit);
    }

    private static void quit(Chromium chromium) {
        try {
            chromium.quit();
        } catch (RuntimeException e) {
            // one browser that will not quit must not keep the others (and their profiles) behind
        }
    }
}
