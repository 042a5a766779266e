package uk.probation.gate.resettlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays englandAndWales = new WorkingDays(Set.of(
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01")));

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23, 5, 2026-11-30",  // Monday: the next Monday
            "2026-11-20, 5, 2026-11-27",  // Friday: the next Friday
            "2026-11-21, 5, 2026-11-27",  // received on a Saturday: counting starts Monday
            "2026-12-22, 5, 2026-12-31",  // Christmas Day and the Boxing Day substitute skipped
            "2026-12-29, 3, 2027-01-04",  // New Year's Day and a weekend skipped
            "2026-11-23, 0, 2026-11-23"})
    void countsOnlyWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(englandAndWales.plus(from, days)).isEqualTo(expected);
    }

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(englandAndWales.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
        assertThat(englandAndWales.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(englandAndWales.isWorkingDay(LocalDate.parse("2026-12-24"))).isTrue();
        assertThatThrownBy(() -> englandAndWales.plus(LocalDate.parse("2026-11-23"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
