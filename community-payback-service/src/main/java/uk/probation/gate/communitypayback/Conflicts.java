package uk.probation.gate.communitypayback;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Reloads and retries a change that lost an optimistic-lock race, so the rules are checked again against what the
 * other writer saved: two coordinators booking the last place get one booking and one "full", never two bookings.
 */
public final class Conflicts {

    private static final int ATTEMPTS = 50;

    private Conflicts() {
    }

    public static <T> T retry(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
