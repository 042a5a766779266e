package uk.probation.gate.communitypayback.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Minutes credited for one session: at most the session's length, nothing unless the person worked, never more
 * than the order still needs, and on an education or training project never past the order's ETE allowance.
 *
 * @param minutes          minutes credited to the order
 * @param eteMinutes       of which education or training
 * @param minutesNotCredited minutes reported but not credited (the ETE cap or the order's remaining minutes)
 */
public record Credit(int minutes, int eteMinutes, int minutesNotCredited) {

    /** What is wrong with the minutes reported for this outcome and session length; empty if they can be credited. */
    public static List<Problem> check(AttendanceOutcome outcome, int minutesReported, int sessionMinutes) {
        List<Problem> problems = new ArrayList<>();
        if (minutesReported < 0) {
            problems.add(new Problem("minutesCredited", "must be 0 or more"));
        } else if (minutesReported > sessionMinutes) {
            problems.add(new Problem("minutesCredited",
                    "must not exceed the session's length of " + sessionMinutes + " minutes"));
        }
        return problems;
    }

    public static Credit of(AttendanceOutcome outcome, int minutesReported, boolean eteProject, int remainingMinutes,
            int eteMinutesRemaining) {
        if (!outcome.worked()) {
            // reported minutes are kept back, not refused: the outcome itself says nothing is owed for them
            return new Credit(0, 0, minutesReported);
        }
        int creditable = Math.min(minutesReported, Math.max(0, remainingMinutes));
        if (eteProject) {
            creditable = Math.min(creditable, Math.max(0, eteMinutesRemaining));
            return new Credit(creditable, creditable, minutesReported - creditable);
        }
        return new Credit(creditable, 0, minutesReported - creditable);
    }
}
