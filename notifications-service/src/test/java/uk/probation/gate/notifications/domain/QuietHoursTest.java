package uk.probation.gate.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final QuietHours overnight = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void lateEveningIsHeldUntilTheNextMorning() {
        assertThat(overnight.endAfter(Instant.parse("2026-11-20T22:30:00Z"), LONDON))
                .contains(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void earlyMorningIsHeldUntilEightTheSameDay() {
        assertThat(overnight.endAfter(Instant.parse("2026-11-21T06:00:00Z"), LONDON))
                .contains(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void theDayIsNotQuiet() {
        assertThat(overnight.endAfter(Instant.parse("2026-11-21T08:00:00Z"), LONDON)).isEmpty();
        assertThat(overnight.endAfter(Instant.parse("2026-11-21T20:59:59Z"), LONDON)).isEmpty();
    }

    @Test
    void quietHoursFollowLocalTimeInSummer() {
        // 21:30 BST is 20:30 UTC
        assertThat(overnight.endAfter(Instant.parse("2026-07-01T20:30:00Z"), LONDON))
                .contains(Instant.parse("2026-07-02T07:00:00Z"));
    }

    @Test
    void aWindowWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.endAfter(Instant.parse("2026-11-21T12:15:00Z"), LONDON))
                .contains(Instant.parse("2026-11-21T13:00:00Z"));
        assertThat(lunch.endAfter(Instant.parse("2026-11-21T13:00:00Z"), LONDON)).isEmpty();
    }
}
