package uk.probation.gate.communitypayback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnpaidWorkDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void todayIsTheDayInEnglandAndWalesWhateverTheClocksZone() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)
        Clock utc = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);
        assertThat(UnpaidWorkDates.today(utc)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(UnpaidWorkDates.today(Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void attendanceIsRecordedFromTheSessionsDay() {
        assertThat(UnpaidWorkDates.attendance(TODAY, TODAY)).isEmpty();
        assertThat(UnpaidWorkDates.attendance(TODAY.minusDays(3), TODAY)).isEmpty();
        assertThat(UnpaidWorkDates.attendance(TODAY.plusDays(1), TODAY)).extracting(Problem::field)
                .containsExactly("sessionDate");
        assertThat(UnpaidWorkDates.attendance(TODAY.plusDays(1), TODAY).get(0).message())
                .startsWith("cannot record attendance before the session's day");
    }

    @Test
    void aSessionIsBookedUpToItsDay() {
        assertThat(UnpaidWorkDates.booking(TODAY, TODAY)).isEmpty();
        assertThat(UnpaidWorkDates.booking(TODAY.plusWeeks(2), TODAY)).isEmpty();
        assertThat(UnpaidWorkDates.booking(TODAY.minusDays(1), TODAY)).extracting(Problem::field)
                .containsExactly("sessionDate");
    }

    @Test
    void anOrderIsNotCompletedOnADayStillToCome() {
        assertThat(UnpaidWorkDates.completion(TODAY, TODAY)).isEmpty();
        assertThat(UnpaidWorkDates.completion(TODAY.minusMonths(1), TODAY)).isEmpty();
        assertThat(UnpaidWorkDates.completion(TODAY.plusDays(1), TODAY)).extracting(Problem::field)
                .containsExactly("completedOn");
    }

    @Test
    void daysPerWeekCountDistinctDaysOfOneIsoWeek() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertThat(DaysPerWeek.monday(monday.plusDays(6))).isEqualTo(monday);
        assertThat(DaysPerWeek.monday(monday)).isEqualTo(monday);
        // two sessions on Monday are one day; Tuesday is the second
        assertThat(DaysPerWeek.check(false, 2, monday.plusDays(1), List.of(monday, monday))).isEmpty();
        List<Problem> third = DaysPerWeek.check(false, 2, monday.plusDays(2), List.of(monday, monday.plusDays(1)));
        assertThat(third).extracting(Problem::field).containsExactly("sessionId");
        assertThat(third.get(0).message()).contains("at most 2 days a week");
        // a day already booked can take another session
        assertThat(DaysPerWeek.check(false, 2, monday, List.of(monday, monday.plusDays(1)))).isEmpty();
        // the Sunday before and the Monday after are other weeks
        assertThat(DaysPerWeek.check(false, 2, monday.plusDays(2),
                List.of(monday.minusDays(1), monday.plusDays(7), monday))).isEmpty();
        List<LocalDate> four = List.of(monday, monday.plusDays(1), monday.plusDays(2), monday.plusDays(3));
        assertThat(DaysPerWeek.check(true, 4, monday.plusDays(3), four.subList(0, 3))).isEmpty();
        assertThat(DaysPerWeek.check(true, 4, monday.plusDays(5), four)).extracting(Problem::message)
                .singleElement().asString().contains("intensive").contains("at most 4 days a week");
    }
}
