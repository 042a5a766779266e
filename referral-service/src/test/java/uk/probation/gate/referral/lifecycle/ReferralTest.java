package uk.probation.gate.referral.lifecycle;

import uk.probation.gate.platform.outbox.Events;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.domain.Stage;

/**
 * A referral's lifecycle without Spring, a broker or a store: each stage has its own day, a stage past its day is
 * overdue and escalated once, declines remember every provider tried, erasure keeps nothing about the person.
 */
class ReferralTest {

    private static final Events events = new Events(tools.jackson.databind.json.JsonMapper.builder().build(),
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T09:00:00Z"), java.time.ZoneOffset.UTC));

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    static final RoutingRule SOVA = new RoutingRule(Need.CHILDREN_FAMILIES_AND_COMMUNITY, null, null, Sex.MALE, null,
            "SOVA", 1, 5, 7, 30);
    static final RoutingRule WITHOUT_STAGE_DAYS = new RoutingRule(Need.CHILDREN_FAMILIES_AND_COMMUNITY, null, null,
            null, null, "OTHER", 2, 5);

    static Referral created() {
        return new Referral("ref-1", "A1234BC", "X123456", Need.CHILDREN_FAMILIES_AND_COMMUNITY, Referral.Source.PLAN,
                "case-1", "NMI", null, Sex.MALE, RiskOfSeriousHarm.LOW, "N01RO1", List.of("FAMILY_CONTACT_SUPPORTED"),
                NOW, "caseworker-1", events);
    }

    @Test
    void eachStageRunsToItsOwnDayFromTheRuleThatSentTheReferral() {
        Referral referral = created();
        assertThat(referral.stage()).as("no deadline runs before it is sent").isNull();

        referral.sentTo(SOVA, TODAY.plusDays(5), 7, 30, NOW, events);
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.SENT);
        assertThat(referral.stage()).isEqualTo(Stage.RESPONSE);
        assertThat(referral.stageDueBy()).isEqualTo(TODAY.plusDays(5));

        referral.accepted(NOW, "provider-sova", TODAY.plusDays(1), 10, events);
        assertThat(referral.stage()).isEqualTo(Stage.START);
        assertThat(referral.stageDueBy()).as("the rule's seven days, not the default ten")
                .isEqualTo(TODAY.plusDays(8));

        referral.started(NOW, "provider-sova", TODAY.plusDays(2), 56, events);
        assertThat(referral.stage()).isEqualTo(Stage.OUTCOME);
        assertThat(referral.stageDueBy()).isEqualTo(TODAY.plusDays(32));

        referral.outcomeRecorded(Outcome.ACHIEVED, NOW, "provider-sova", events);
        assertThat(referral.stage()).isNull();
        assertThat(referral.overdue(TODAY.plusYears(1))).isFalse();
        assertThat(referral.getHistory()).extracting(Referral.HistoryEntry::status).containsExactly(
                ReferralStatus.CREATED, ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                ReferralStatus.OUTCOME_RECORDED);
        assertThat(referral.getHistory().get(1).by()).isEqualTo(Referrals.SYSTEM);
    }

    @Test
    void aReferralSentBeforeRulesCarriedStageDaysUsesTheDefaults() {
        Referral referral = created();
        referral.sentTo(WITHOUT_STAGE_DAYS, TODAY.plusDays(5), 10, 56, NOW, events);
        referral.accepted(NOW, "provider", TODAY, 10, events);
        assertThat(referral.getStartBy()).isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void aStagePastItsDayIsOverdueAndEscalatedOncePerStageAndDay() {
        Referral referral = created();
        referral.sentTo(SOVA, TODAY.plusDays(5), 7, 30, NOW, events);
        assertThat(referral.overdue(TODAY.plusDays(5))).as("on its day it is not yet overdue").isFalse();
        assertThat(referral.overdue(TODAY.plusDays(6))).isTrue();

        assertThat(referral.escalated(Stage.RESPONSE, TODAY.plusDays(5))).isFalse();
        referral.escalate(Stage.RESPONSE, TODAY.plusDays(5), NOW, events);
        assertThat(referral.escalated(Stage.RESPONSE, TODAY.plusDays(5))).isTrue();
        assertThat(referral.escalated(Stage.START, TODAY.plusDays(5))).isFalse();
        assertThat(referral.getEscalations()).singleElement()
                .satisfies(e -> assertThat(e.providerCode()).isEqualTo("SOVA"));
    }

    @Test
    void aDeclineRemembersEveryProviderTriedAndRoutingOnFindsNoneLeft() {
        Referral referral = created();
        referral.sentTo(SOVA, TODAY.plusDays(5), 7, 30, NOW, events);
        referral.letGo("No capacity", NOW, "provider-sova", false, events);
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(referral.getDeclines()).extracting(Referral.Decline::providerCode, Referral.Decline::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SOVA", "No capacity"));

        referral.sentTo(WITHOUT_STAGE_DAYS, TODAY.plusDays(5), 10, 56, NOW, events);
        assertThat(referral.providersTried()).containsExactly("SOVA", "OTHER");

        referral.unroutable(NOW, events);
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.UNROUTABLE);
        assertThat(referral.getProviderCode()).isNull();
        assertThat(referral.stage()).isNull();
    }

    @Test
    void anErasedReferralKeepsItsIdNeedAndCaseButNothingAboutThePerson() {
        Referral referral = created();
        referral.sentTo(SOVA, TODAY.plusDays(5), 7, 30, NOW, events);
        referral.closed("WITHDRAWN", NOW, Referrals.SYSTEM, events);
        referral.erased(TODAY.plusYears(7), events);

        assertThat(referral.isErased()).isTrue();
        assertThat(referral.getId()).isEqualTo("ref-1");
        assertThat(referral.getNeed()).isEqualTo(Need.CHILDREN_FAMILIES_AND_COMMUNITY);
        assertThat(referral.getCaseId()).isEqualTo("case-1");
        assertThat(referral.getPrisonNumber()).isNull();
        assertThat(referral.getCrn()).isNull();
        assertThat(referral.personKey()).isNull();
        assertThat(referral.getResponsibleOfficerCode()).isNull();
        assertThat(referral.getHistory()).isEmpty();
        assertThat(referral.getDeclines()).isEmpty();
        assertThat(referral.getErasedOn()).isEqualTo(TODAY.plusYears(7));
    }
}
