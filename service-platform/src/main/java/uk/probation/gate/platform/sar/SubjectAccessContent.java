package uk.probation.gate.platform.sar;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a service keeps about one person, for the HMPPS subject access request. Each service implements it once.
 */
public interface SubjectAccessContent {

    /** Whether the service keeps records by prison number. */
    default boolean holdsPrisonNumbers() {
        return true;
    }

    /** Whether the service keeps records by CRN. */
    default boolean holdsCrns() {
        return true;
    }

    /** A record of one day is in the period asked for; an undated record only when no period is asked for. */
    static boolean within(LocalDate day, LocalDate fromDate, LocalDate toDate) {
        if (day == null) {
            return fromDate == null && toDate == null;
        }
        return (fromDate == null || !day.isBefore(fromDate)) && (toDate == null || !day.isAfter(toDate));
    }

    /** A record that ran from {@code start} to {@code end} (null: still running) was live at some time in the period. */
    static boolean overlaps(LocalDate start, LocalDate end, LocalDate fromDate, LocalDate toDate) {
        return (toDate == null || start == null || !start.isAfter(toDate))
                && (fromDate == null || end == null || !end.isBefore(fromDate));
    }

    /**
     * Everything held about the person named by {@code prn} and/or {@code crn} (each null when not asked or not held),
     * from {@code fromDate} to {@code toDate} inclusive when given (by the record's own date). Keys are the
     * collections the records come from (so a test can check every collection naming the person is there); values
     * are lists of plain records with codes in words where the service has them. An empty map when nothing is held.
     * Bookkeeping (outbox, processed event ids, versions) is left out.
     */
    Map<String, Object> content(String prn, String crn, LocalDate fromDate, LocalDate toDate);
}
