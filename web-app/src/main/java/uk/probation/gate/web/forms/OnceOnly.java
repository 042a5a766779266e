package uk.probation.gate.web.forms;

import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A double click never submits twice. Every rendered form carries a one-time {@code formToken} (the layout's
 * {@code forms :: token} fragment); the first POST with a token does the work and remembers where it led, and a
 * second POST with the same token (a double click, a browser resubmit) waits for the first and goes to the same
 * page without doing anything. Pages also send the token to the services as {@code Idempotency-Key}, and buttons
 * carry {@code data-prevent-double-click}.
 */
@Component
public class OnceOnly {

    private static final String DONE = OnceOnly.class.getName() + ".DONE";
    private static final int REMEMBERED = 200;

    /**
     * Runs {@code action} (which returns the view or redirect to go to) unless this token was already submitted; an
     * action that throws (e.g. invalid input shown again) does not use the token up.
     */
    public String submit(HttpSession session, String formToken, Supplier<String> action) {
        if (formToken == null || formToken.isBlank()) {
            return action.get();
        }
        Map<String, CompletableFuture<String>> done = done(session);
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> first;
        synchronized (done) {
            first = done.putIfAbsent(formToken, mine);
        }
        if (first != null) {
            try {
                return first.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the first submission", e);
            } catch (ExecutionException | TimeoutException e) {
                // the first failed: this one is a retry and may run
                return action.get();
            }
        }
        try {
            String outcome = action.get();
            if (outcome != null && outcome.startsWith("redirect:")) {
                mine.complete(outcome);
            } else {
                forget(done, formToken);
                mine.completeExceptionally(new IllegalStateException("form shown again"));
            }
            return outcome;
        } catch (RuntimeException e) {
            forget(done, formToken);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static void forget(Map<String, CompletableFuture<String>> done, String token) {
        synchronized (done) {
            done.remove(token);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CompletableFuture<String>> done(HttpSession session) {
        synchronized (session) {
            Object existing = session.getAttribute(DONE);
            if (existing instanceof Map<?, ?> map) {
                return (Map<String, CompletableFuture<String>>) map;
            }
            Map<String, CompletableFuture<String>> created = Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, false) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> eldest) {
                            return size() > REMEMBERED;
                        }
                    });
            session.setAttribute(DONE, created);
            return created;
        }
    }
}
