package uk.probation.gate.referral.release;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who is about to leave without a provider having taken on their accommodation or ETE, as queries on the joined
 * records: one definition for the release-due gauge and the caseworkers' release-readiness worklist.
 */
final class DueForRelease {

    static final String ACCOMMODATION = "accommodation";
    static final String ETE = "ete";

    private DueForRelease() {
    }

    /**
     * Not yet released, not superseded by a later case, and expected out from today up to {@code days} days ahead.
     * The days are asked for by equality (each date), so the {@code expectedReleaseDate} index serves the worklist
     * and the release-due gauge (ADR 0013); the worklist asks for at most 90 days.
     */
    static Criteria within(LocalDate today, int days) {
        return where("expectedReleaseDate").in(today.datesUntil(today.plusDays(days + 1L)).toList())
                .and("release").is(null).and("supersededBy").is(null);
    }

    /** The latest plan needs it ({@code field}: accommodation or ete) and no provider has accepted a referral. */
    static Criteria neededNotAccepted(String field) {
        return where(field + ".needed").is(true).and(field + ".accepted").is(false);
    }

    /**
     * No plan completed yet (so nobody has secured anything) and no provider has accepted a referral for it. Both
     * needs are decided by the same plan, so either need's plan version says whether a plan exists.
     */
    static Criteria noPlanNotAccepted(String field) {
        return where(field + ".neededInPlanVersion").is(0).and(field + ".accepted").is(false);
    }

    /**
     * For the worklist: accommodation or ETE is needed, or may be (no plan yet), and nobody has accepted it.
     */
    static Criteria unsecured(LocalDate today, int days) {
        return within(today, days).orOperator(neededNotAccepted(ACCOMMODATION), neededNotAccepted(ETE),
                noPlanNotAccepted(ACCOMMODATION), noPlanNotAccepted(ETE));
    }
}
