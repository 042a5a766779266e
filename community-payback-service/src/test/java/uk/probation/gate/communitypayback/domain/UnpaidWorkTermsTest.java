package uk.probation.gate.communitypayback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnpaidWorkTermsTest {

    private final UnpaidWorkTerms national = new UnpaidWorkTerms(30, 12);

    @ParameterizedTest
    @CsvSource({"40, 2400, 720", "120, 7200, 2160", "300, 18000, 5400", "41, 2460, 738"})
    void hoursBecomeMinutesWithTheEducationAndTrainingShare(int hours, int minutes, int eteMinutes) {
        assertThat(national.requiredMinutes(hours)).isEqualTo(minutes);
        assertThat(national.eteMinutesAllowed(minutes)).isEqualTo(eteMinutes);
    }

    @Test
    void theShareIsConfigurationAndRoundsDownSoItIsNeverExceeded() {
        assertThat(new UnpaidWorkTerms(20, 12).eteMinutesAllowed(2400)).isEqualTo(480);
        assertThat(new UnpaidWorkTerms(33, 12).eteMinutesAllowed(2460)).isEqualTo(811); // 811.8
        assertThat(new UnpaidWorkTerms(0, 12).eteMinutesAllowed(18000)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"39", "301", "0", "-40"})
    void anOrderOutsideFortyToThreeHundredHoursIsRefused(int hours) {
        assertThatThrownBy(() -> national.requiredMinutes(hours)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursAreDueTwelveMonthsAfterSentenceIncludingFromTheEndOfAMonth() {
        assertThat(national.completeBy(LocalDate.parse("2026-11-02"))).isEqualTo("2027-11-02");
        assertThat(national.completeBy(LocalDate.parse("2028-02-29"))).isEqualTo("2029-02-28");
        assertThat(new UnpaidWorkTerms(30, 18).completeBy(LocalDate.parse("2026-01-31"))).isEqualTo("2027-07-31");
    }

    @Test
    void nonsenseTermsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new UnpaidWorkTerms(101, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnpaidWorkTerms(30, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
