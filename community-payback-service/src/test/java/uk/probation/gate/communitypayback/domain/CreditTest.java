package uk.probation.gate.communitypayback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CreditTest {

    @Test
    void minutesWorkedAreCreditedUpToTheSessionLength() {
        assertThat(Credit.check(AttendanceOutcome.ATTENDED_COMPLIED, 420, 420)).isEmpty();
        assertThat(Credit.check(AttendanceOutcome.ATTENDED_COMPLIED, 421, 420))
                .extracting(Problem::field).containsExactly("minutesCredited");
        assertThat(Credit.check(AttendanceOutcome.ATTENDED_COMPLIED, -1, 420))
                .extracting(Problem::field).containsExactly("minutesCredited");
        assertThat(Credit.of(AttendanceOutcome.ATTENDED_COMPLIED, 420, false, 2400, 720))
                .isEqualTo(new Credit(420, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(value = AttendanceOutcome.class, names = {"SENT_HOME_SERVICE_ISSUE", "ACCEPTABLE_ABSENCE",
            "UNACCEPTABLE_ABSENCE"})
    void outcomesWithoutWorkCreditNothing(AttendanceOutcome outcome) {
        assertThat(Credit.check(outcome, 0, 420)).isEmpty();
        assertThat(Credit.check(outcome, 421, 420)).extracting(Problem::field).containsExactly("minutesCredited");
        assertThat(Credit.of(outcome, 0, false, 2400, 720)).isEqualTo(new Credit(0, 0, 0));
        assertThat(Credit.of(outcome, 120, true, 2400, 720)).isEqualTo(new Credit(0, 0, 120));
    }

    @Test
    void educationAndTrainingStopsAtTheOrdersAllowance() {
        assertThat(Credit.of(AttendanceOutcome.ATTENDED_COMPLIED, 480, true, 2400, 720))
                .isEqualTo(new Credit(480, 480, 0));
        assertThat(Credit.of(AttendanceOutcome.ATTENDED_COMPLIED, 480, true, 1920, 240))
                .isEqualTo(new Credit(240, 240, 240));
        assertThat(Credit.of(AttendanceOutcome.ATTENDED_COMPLIED, 480, true, 1680, 0))
                .isEqualTo(new Credit(0, 0, 480));
    }

    @Test
    void noMoreIsCreditedThanTheOrderStillNeeds() {
        assertThat(Credit.of(AttendanceOutcome.ATTENDED_COMPLIED, 480, false, 300, 720))
                .isEqualTo(new Credit(300, 0, 180));
    }

    @Test
    void onlyFailuresToComplyAndUnacceptableAbsencesAreEnforceable() {
        assertThat(java.util.Arrays.stream(AttendanceOutcome.values()).filter(AttendanceOutcome::enforceable))
                .containsExactlyInAnyOrder(AttendanceOutcome.ATTENDED_FAILED_TO_COMPLY,
                        AttendanceOutcome.SENT_HOME_BEHAVIOUR, AttendanceOutcome.UNACCEPTABLE_ABSENCE);
        assertThat(AttendanceOutcome.SENT_HOME_SERVICE_ISSUE.enforceable()).isFalse();
        assertThat(AttendanceOutcome.SENT_HOME_SERVICE_ISSUE.sentHomeByService()).isTrue();
    }
}
