package uk.probation.gate.resettlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.resettlement.caseload.BankHolidays;

/** The shipped GOV.UK list: read in its published shape, and replaced a year before it runs out. */
class BankHolidaysTest {

    private final Set<LocalDate> shipped = BankHolidays.englandAndWales(new ClassPathResource("bank-holidays.json"),
            JsonMapper.builder().build());
    private final WorkingDays workingDays = new WorkingDays(shipped);

    @Test
    void theListRunsForAtLeastAnotherYear() {
        assertThat(workingDays.knownUntil())
                .as("download https://www.gov.uk/bank-holidays.json into src/main/resources/bank-holidays.json")
                .isAfterOrEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1));
    }

    @Test
    void theListIsEnglandAndWalesFrom2024To2028() {
        assertThat(shipped).contains(LocalDate.parse("2024-04-01"), LocalDate.parse("2025-12-26"),
                LocalDate.parse("2026-12-28"), LocalDate.parse("2027-03-26"),
                LocalDate.parse("2028-01-03"), LocalDate.parse("2028-04-17"), LocalDate.parse("2028-12-26"));
        assertThat(shipped).doesNotContain(LocalDate.parse("2027-01-02"), LocalDate.parse("2026-03-17"));
        assertThat(workingDays.knownFrom()).isEqualTo("2024-01-01");
        assertThat(workingDays.knownUntil()).isEqualTo("2028-12-31");
        assertThat(shipped).hasSize(40);
    }

    @Test
    void countingPastTheListIsRefusedNamingTheField() {
        // Christmas Day and Boxing Day 2028 skipped
        assertThat(workingDays.plus(LocalDate.parse("2028-12-18"), 5)).isEqualTo("2028-12-27");
        assertThatThrownBy(() -> workingDays.plus(LocalDate.parse("2028-12-27"), 5, "receivedOn"))
                .isInstanceOfSatisfying(OutsideKnownBankHolidays.class, e -> assertThat(e.field())
                        .isEqualTo("receivedOn"));
        assertThatThrownBy(() -> workingDays.plus(LocalDate.parse("2023-12-22"), 5, "receivedOn"))
                .isInstanceOf(OutsideKnownBankHolidays.class);
    }
}
