package uk.probation.gate.resettlement.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the business may change without a release: which prisons run Through the Gate and the deadlines.
 *
 * @param prisons            prison codes of the resettlement prisons (plus the open and the women's prison)
 * @param womensPrisons       the subset of prisons that hold women
 * @param screeningWorkingDays working days from reception to a completed screening and plan
 * @param bankHolidays        England and Wales bank holidays, excluded from working days
 * @param preReleaseWeeks     pre-release work starts this many weeks before the expected release
 * @param outcomeToRecordDays days a release without a recorded outcome stays on the caseload
 */
@ConfigurationProperties("resettlement")
public record ResettlementProperties(Set<String> prisons, Set<String> womensPrisons, int screeningWorkingDays, List<LocalDate> bankHolidays,
        int preReleaseWeeks, int outcomeToRecordDays) {

    public ResettlementProperties {
        prisons = prisons == null ? Set.of() : Set.copyOf(prisons);
        womensPrisons = womensPrisons == null ? Set.of() : Set.copyOf(womensPrisons);
        bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
    }
}
