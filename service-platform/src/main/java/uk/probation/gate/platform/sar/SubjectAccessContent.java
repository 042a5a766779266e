package uk.probation.gate.platform.sar;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a service keeps about one person, for the HMPPS subject access request. Each service implements it once.
 */
public interface SubjectAccessContent {

    /** Whether the service keeps records by prison number. */
    boolean holdsPrisonNumbers();

    /** Whether the service keeps records by CRN. */
    boolean holdsCrns();

    /**
     * Everything held about the person named by {@code prn} and/or {@code crn} (each null when not asked or not held),
     * from {@code fromDate} to {@code toDate} inclusive when given (by the record's own date). Keys are the
     * collections the records come from (so a test can check every collection naming the person is there); values
     * are lists of plain records with codes in words where the service has them. An empty map when nothing is held.
     * Bookkeeping (outbox, processed event ids, versions) is left out.
     */
    Map<String, Object> content(String prn, String crn, LocalDate fromDate, LocalDate toDate);
}
