package uk.probation.gate.resettlement.caseload;

import java.time.Instant;

/**
 * A change based on a stale read (If-Match older than the case, or a colleague saving at the same moment): refused
 * with 409 naming who changed the case and when, so the caller can reload and keep what they typed.
 */
public class CaseChangedMeanwhile extends RuntimeException {

    private final transient Actor modifiedBy;
    private final Instant modifiedAt;
    private final long currentVersion;

    public CaseChangedMeanwhile(ResettlementCase current, String what) {
        super(describe(current, what));
        ResettlementCase.HistoryEntry last = current.lastChange();
        this.modifiedBy = last == null ? null : last.by();
        this.modifiedAt = last == null ? null : last.at();
        this.currentVersion = current.getVersion() == null ? 0 : current.getVersion();
    }

    private static String describe(ResettlementCase current, String what) {
        ResettlementCase.HistoryEntry last = current.lastChange();
        String who = last == null ? "Someone else" : last.by().name();
        String when = last == null ? "" : " at " + last.at();
        return who + " changed " + what + when + " (now version " + current.getVersion()
                + "); reload to see their changes, then save yours again";
    }

    public Actor modifiedBy() {
        return modifiedBy;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
