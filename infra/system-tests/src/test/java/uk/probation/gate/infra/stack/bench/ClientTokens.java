package uk.probation.gate.infra.stack.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import uk.probation.gate.infra.stack.RunningStack;

/** Dev clients' access tokens, fetched again before they expire (they live 10 minutes; a full run takes longer). */
final class ClientTokens {

    private static final long REFRESH_AFTER_MILLIS = 4 * 60_000;

    private record Held(String token, long fetchedAt) {
    }

    private final RunningStack stack;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    ClientTokens(RunningStack stack) {
        this.stack = stack;
    }

    String of(String client) {
        return held.compute(client, (name, old) -> old != null
                && System.currentTimeMillis() - old.fetchedAt() < REFRESH_AFTER_MILLIS ? old
                : new Held(stack.accessToken(name), System.currentTimeMillis())).token();
    }
}
