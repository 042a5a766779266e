package uk.probation.gate.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferralRulesTest {

    @Test
    void outcomeCodesDependOnTheNeed() {
        assertThat(Need.ACCOMMODATION.outcomes()).contains(Outcome.SETTLED_ACCOMMODATION_SECURED)
                .doesNotContain(Outcome.EMPLOYMENT_SECURED, Outcome.ACHIEVED);
        assertThat(Need.EDUCATION_SKILLS_AND_WORK.outcomes()).contains(Outcome.EMPLOYMENT_SECURED)
                .doesNotContain(Outcome.SETTLED_ACCOMMODATION_SECURED);
        assertThat(Need.DRUGS_AND_ALCOHOL.outcomes()).containsExactlyInAnyOrder(Outcome.ACHIEVED,
                Outcome.PARTIALLY_ACHIEVED, Outcome.NOT_ACHIEVED);
    }

    @Test
    void aNeedFollowedToReleaseEndsTheSameWhateverOrderTheFactsArriveIn() {
        NeedOnRelease inOrder = NeedOnRelease.unknown().planned(1, true).referredTo().acceptedBy()
                .outcomeRecorded(Outcome.NOT_SECURED, "A").outcomeRecorded(Outcome.TEMPORARY_ACCOMMODATION_SECURED, "B")
                .planned(2, true);
        NeedOnRelease reversed = NeedOnRelease.unknown().planned(2, true)
                .outcomeRecorded(Outcome.TEMPORARY_ACCOMMODATION_SECURED, "B").outcomeRecorded(Outcome.NOT_SECURED, "A")
                .acceptedBy().referredTo().planned(1, false);
        assertThat(reversed).isEqualTo(inOrder);
        assertThat(inOrder.secured()).isTrue();
        assertThat(inOrder.outcomeProvider()).isEqualTo("B");
    }

    @Test
    void aLaterPlanDecidesWhetherTheNeedExists() {
        assertThat(NeedOnRelease.unknown().planned(1, true).planned(2, false).needed()).isFalse();
        assertThat(NeedOnRelease.unknown().planned(2, false).planned(1, true).needed()).isFalse();
    }

    @Test
    void aReferralIsOverdueOnlyAfterTheWholeRespondByDayAndTheGrace() {
        ResponseDeadline deadline = new ResponseDeadline(Duration.ofHours(12));
        LocalDate respondBy = deadline.respondBy(LocalDate.parse("2026-11-20"), 5);
        assertThat(respondBy).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(deadline.overdue(respondBy, Instant.parse("2026-11-25T23:59:00Z"))).isFalse();
        assertThat(deadline.overdue(respondBy, Instant.parse("2026-11-26T11:59:00Z"))).isFalse();
        assertThat(deadline.overdue(respondBy, Instant.parse("2026-11-26T12:01:00Z"))).isTrue();
    }

    @Test
    void onlyASentReferralCanBeAcceptedOrDeclinedAndOutcomesFollowAcceptance() {
        assertThat(ReferralStep.ACCEPT.allowedFrom(ReferralStatus.SENT)).isTrue();
        assertThat(ReferralStep.ACCEPT.allowedFrom(ReferralStatus.ACCEPTED)).isFalse();
        assertThat(ReferralStep.DECLINE.allowedFrom(ReferralStatus.UNROUTABLE)).isFalse();
        assertThat(ReferralStep.RECORD_OUTCOME.allowedFrom(ReferralStatus.SENT)).isFalse();
        assertThat(ReferralStep.RECORD_OUTCOME.allowedFrom(ReferralStatus.IN_PROGRESS)).isTrue();
        assertThat(ReferralStep.CLOSE.allowedFrom(ReferralStatus.ACCEPTED)).isFalse();
        assertThat(ReferralStep.CLOSE.allowedFrom(ReferralStatus.OUTCOME_RECORDED)).isTrue();
    }

    @Test
    void openReferralsAreTheOnesARevisedPlanWithdrawsAndClosedOrUnroutableOnesAreClosedForGood() {
        assertThat(ReferralStatus.SENT.open()).isTrue();
        assertThat(ReferralStatus.IN_PROGRESS.open()).isTrue();
        // UNROUTABLE already published its closed event: withdrawing it would announce the closure twice
        assertThat(ReferralStatus.UNROUTABLE.open()).isFalse();
        assertThat(ReferralStatus.OUTCOME_RECORDED.open()).isFalse();
        assertThat(ReferralStatus.CLOSED.open()).isFalse();
        assertThat(ReferralStatus.CLOSED.terminal()).isTrue();
        assertThat(ReferralStatus.UNROUTABLE.terminal()).isTrue();
        assertThat(ReferralStatus.OUTCOME_RECORDED.terminal()).isFalse();
    }
}
