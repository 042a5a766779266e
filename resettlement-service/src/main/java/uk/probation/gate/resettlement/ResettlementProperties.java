package uk.probation.gate.resettlement;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the business may change without a release: which prisons run Through the Gate and the deadlines.
 *
 * @param prisons                  prison codes of the resettlement prisons (plus the open and the women's prison)
 * @param womensPrisons            the subset of prisons that hold women
 * @param screeningWorkingDays     working days from reception to a completed screening and plan
 * @param bankHolidaysResource     England and Wales bank holidays in the GOV.UK {@code bank-holidays.json} shape
 * @param preReleaseWeeks          the pre-release review is due from this many weeks before the expected release
 * @param preReleaseReviewDueWeeks ... and overdue after this many weeks before it (default 8)
 * @param outcomeToRecordDays      days a release without a recorded outcome stays on the caseload
 * @param recallMovementReasons    NOMIS movement reason codes of an admission that make it a recall
 */
@ConfigurationProperties("resettlement")
public record ResettlementProperties(Set<String> prisons, Set<String> womensPrisons, int screeningWorkingDays,
        String bankHolidaysResource, int preReleaseWeeks, Integer preReleaseReviewDueWeeks, int outcomeToRecordDays,
        List<String> recallMovementReasons) {

    public ResettlementProperties {
        prisons = prisons == null ? Set.of() : Set.copyOf(prisons);
        womensPrisons = womensPrisons == null ? Set.of() : Set.copyOf(womensPrisons);
        bankHolidaysResource = bankHolidaysResource == null ? "classpath:bank-holidays.json" : bankHolidaysResource;
        preReleaseReviewDueWeeks = preReleaseReviewDueWeeks == null ? 8 : preReleaseReviewDueWeeks;
        recallMovementReasons = recallMovementReasons == null ? List.of("L", "Y", "B", "24", "25")
                : List.copyOf(recallMovementReasons);
    }
}
