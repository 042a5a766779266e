package uk.probation.gate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule every round applies: each accepted command's effect exactly as often as expected. */
class CheckerTest {

    private final Effect case1 = new Effect("resettlement", "timeline RECEIVED", "case-1");
    private final Effect told1 = new Effect("notifications", "resettlement.prisoner.received to officer", "FIAA1");
    private final Effect mail1 = new Effect("mail", "messages", "fiaa1@fi.example.org");
    private final Effect minutes = new Effect("community-payback", "minutes credited", "order-1");

    private final Map<Effect, Integer> expected = new LinkedHashMap<>(Map.of(case1, 1, told1, 1, mail1, 3,
            minutes, 240));
    private final Map<Effect, String> causes = Map.of(case1, "POST /api/cases [fi-A1001AA-reception]");

    @Test
    void everyEffectExactlyAsOftenAsExpectedIsClean() {
        Checker.Verdict verdict = Checker.check(expected, Map.of(case1, 1, told1, 1, mail1, 3, minutes, 240),
                causes);

        assertThat(verdict.clean()).isTrue();
        assertThat(verdict.checked()).isEqualTo(4);
    }

    @Test
    void anEffectNeverSeenIsLostAndNamesItsCommand() {
        Checker.Verdict verdict = Checker.check(expected, Map.of(told1, 1, mail1, 3, minutes, 240), causes);

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.lost()).singleElement().satisfies(m -> {
            assertThat(m.effect()).isEqualTo(case1);
            assertThat(m.expected()).isEqualTo(1);
            assertThat(m.observed()).isZero();
            assertThat(m.cause()).contains("fi-A1001AA-reception");
        });
        assertThat(verdict.duplicated()).isEmpty();
    }

    @Test
    void fewerThanExpectedIsLostToo() {
        Checker.Verdict verdict = Checker.check(expected, Map.of(case1, 1, told1, 1, mail1, 2, minutes, 240), causes);

        assertThat(verdict.lost()).extracting(Checker.Mismatch::effect).containsExactly(mail1);
    }

    @Test
    void anEffectSeenTwiceIsDuplicated() {
        Checker.Verdict verdict = Checker.check(expected, Map.of(case1, 1, told1, 2, mail1, 3, minutes, 240), causes);

        assertThat(verdict.clean()).isFalse();
        assertThat(verdict.lost()).isEmpty();
        assertThat(verdict.duplicated()).singleElement().satisfies(m -> {
            assertThat(m.effect()).isEqualTo(told1);
            assertThat(m.observed()).isEqualTo(2);
        });
    }

    @Test
    void minutesCreditedTwiceAreADuplicate() {
        Checker.Verdict verdict = Checker.check(expected, Map.of(case1, 1, told1, 1, mail1, 3, minutes, 480), causes);

        assertThat(verdict.duplicated()).extracting(Checker.Mismatch::effect).containsExactly(minutes);
    }

    @Test
    void anEffectNobodyExpectedIsNotCounted() {
        Effect other = new Effect("mail", "messages", "someone-else@fi.example.org");

        Checker.Verdict verdict = Checker.check(expected, Map.of(case1, 1, told1, 1, mail1, 3, minutes, 240,
                other, 5), causes);

        assertThat(verdict.clean()).isTrue();
    }

    @Test
    void missingListsWhatTheRoundStillWaitsFor() {
        assertThat(Checker.missing(expected, Map.of(case1, 1, mail1, 1, minutes, 480)))
                .containsExactlyInAnyOrder(told1, mail1);
    }
}
