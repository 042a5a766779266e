package uk.probation.gate.web.unpaidwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.probation.gate.web.api.ApiProblem;

/**
 * The coordinator's and supervisor's pages rendered by the real templates over a stubbed community-payback API
 * (the browser suite, CoordinatorJourneyIT and SupervisorJourneyIT, drives the real one).
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnpaidWorkPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    UnpaidWorkApi api;

    static RequestPostProcessor sam() {
        return oidcLogin().idToken(token -> token.subject("sup-derby").claim("name", "Sam Reid")
                        .claim("roles", List.of("SUPERVISOR")).claim("areas", List.of("N53DER")))
                .authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR"));
    }

    static RequestPostProcessor carl() {
        return oidcLogin().idToken(token -> token.subject("pc-derby").claim("name", "Carl Evans")
                        .claim("roles", List.of("PLACEMENT_COORDINATOR")).claim("areas", List.of("N53DER")))
                .authorities(new SimpleGrantedAuthority("ROLE_PLACEMENT_COORDINATOR"));
    }

    static UnpaidWorkApi.Session today(List<UnpaidWorkApi.RosterEntry> roster) {
        return new UnpaidWorkApi.Session("s1", "PRJ1", "Canal towpath", "GROUP", "N53DER", LocalDate.now(),
                LocalTime.of(8, 0), LocalTime.of(15, 0), 420, 2, 5, 10, roster.size(), 10 - roster.size(),
                "SCHEDULED", null, false, List.of(), roster);
    }

    static UnpaidWorkApi.RosterEntry booked(String orderId, String crn) {
        return new UnpaidWorkApi.RosterEntry(orderId, crn, 2400, null);
    }

    @Test
    void aSupervisorRecordsAGroupAndOneFailureKeepsTheOthers() throws Exception {
        when(api.session("s1")).thenReturn(today(List.of(booked("o1", "A111111"), booked("o2", "B222222"))));
        when(api.recordAttendance(eq("s1"), eq("o2"), any(), anyInt(), any()))
                .thenThrow(new ApiProblem(409, "Conflict", "already recorded", List.of(), Map.of()));
        MockHttpSession session = new MockHttpSession();

        String roster = mvc.perform(get("/supervision/sessions/s1").with(sam()).session(session)).andReturn()
                .getResponse().getContentAsString();
        assertThat(roster).contains("A111111").contains("B222222").contains("Not recorded")
                .doesNotContain("/unpaid-work/");

        MvcResult chosen = mvc.perform(post("/supervision/sessions/s1").with(sam()).with(csrf()).session(session)
                .param("orderId", "o1", "o2").param("outcome", "ATTENDED_FAILED_TO_COMPLY").param("hours", "6")
                .param("minutes", "0")).andReturn();
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/supervision/sessions/s1/check");
        String check = mvc.perform(get("/supervision/sessions/s1/check").with(sam()).session(session)).andReturn()
                .getResponse().getContentAsString();
        assertThat(check).contains("People (2)").contains("6 hours each").contains("This outcome is enforceable")
                .contains("Confirm enforceable outcome and record");

        MvcResult done = mvc.perform(post("/supervision/sessions/s1/check").with(sam()).with(csrf()).session(session)
                .param("formToken", "t-1")).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/supervision/sessions/s1");
        verify(api).recordAttendance("s1", "o1", "ATTENDED_FAILED_TO_COMPLY", 360, "t-1-o1");
        verify(api).recordAttendance("s1", "o2", "ATTENDED_FAILED_TO_COMPLY", 360, "t-1-o2");
        String after = mvc.perform(get("/supervision/sessions/s1").with(sam()).session(session)
                .flashAttrs(done.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Attendance recorded for 1 person")
                .contains("B222222 was not recorded: an outcome was already recorded for them");

        // the same confirmation again (a double click) records nothing more
        mvc.perform(post("/supervision/sessions/s1/check").with(sam()).with(csrf()).session(session)
                .param("formToken", "t-1"));
        verify(api, times(1)).recordAttendance(eq("s1"), eq("o1"), any(), anyInt(), any());
    }

    @Test
    void timeWorkedCannotExceedTheSessionAndAbsencesCreditNothing() throws Exception {
        when(api.session("s1")).thenReturn(today(List.of(booked("o1", "A111111"))));
        MockHttpSession session = new MockHttpSession();
        String tooLong = mvc.perform(post("/supervision/sessions/s1").with(sam()).with(csrf()).session(session)
                .param("orderId", "o1").param("outcome", "ATTENDED_COMPLIED").param("hours", "8")
                .param("minutes", "0")).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("Time worked must be no more than the session&#39;s 7 hours");

        mvc.perform(post("/supervision/sessions/s1").with(sam()).with(csrf()).session(session).param("orderId", "o1")
                .param("outcome", "SENT_HOME_SERVICE_ISSUE").param("hours", "7"));
        String check = mvc.perform(get("/supervision/sessions/s1/check").with(sam()).session(session)).andReturn()
                .getResponse().getContentAsString();
        assertThat(check).contains("does not count against").contains("None: they did not work")
                .doesNotContain("This outcome is enforceable");
    }

    @Test
    void theRosterTickedBeforeATimeOutIsShownAgain() throws Exception {
        when(api.session("s1")).thenReturn(today(List.of(booked("o1", "A111111"), booked("o2", "B222222"))));
        // what UnfinishedForms hands the page after signing back in: the same page with the kept fields
        String page = mvc.perform(get("/supervision/sessions/s1").with(sam()).param("orderId", "o2")
                .param("outcome", "UNACCEPTABLE_ABSENCE").param("hours", "0").param("minutes", "0")).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).containsPattern("value=\"o2\"[^>]*checked").doesNotContainPattern("value=\"o1\"[^>]*checked")
                .containsPattern("value=\"UNACCEPTABLE_ABSENCE\"[^>]*checked");
    }

    @Test
    void aSupervisorHasNoCoordinatorPages() throws Exception {
        assertThat(mvc.perform(get("/unpaid-work/orders").with(sam())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/").with(sam())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/supervision/sessions");
        verify(api, never()).orders(any(), any(), any(), anyInt(), anyInt());
    }

    @Test
    void bookingAFullSessionSaysSo() throws Exception {
        UnpaidWorkApi.Order order = new UnpaidWorkApi.Order("o1", "A111111", "PLACED", LocalDate.now(), "N53DER",
                "MALE", "LOW", null, 2400, 0, 2400, 720, 0, LocalDate.now().plusYears(1),
                new UnpaidWorkApi.Placement("PRJ1", "GROUP", false, null, LocalDate.now()), null, 0, List.of(), null);
        when(api.order("o1")).thenReturn(order);
        UnpaidWorkApi.Session full = new UnpaidWorkApi.Session("s1", "PRJ1", "Canal towpath", "GROUP", "N53DER",
                LocalDate.now().plusDays(1), LocalTime.of(9, 0), LocalTime.of(16, 0), null, 1, null, 1, 1, 0,
                "SCHEDULED", null, false, List.of(), null);
        when(api.sessions(any(), any(), eq("PRJ1"))).thenReturn(List.of(full));
        org.mockito.Mockito.doThrow(new ApiProblem(409, "Conflict", "Session s1 is full: 1 of 1 places booked",
                List.of(), Map.of())).when(api).book(eq("s1"), eq("o1"), any());

        String form = mvc.perform(get("/unpaid-work/orders/o1/booking").with(carl())).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("1 of 1 places booked").contains("this session is full");
        String refused = mvc.perform(post("/unpaid-work/orders/o1/booking").with(carl()).with(csrf())
                .param("sessionId", "s1").param("formToken", "t-2")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("This session is full: choose another session");
    }

    static UnpaidWorkApi.Order placedOrder() {
        return new UnpaidWorkApi.Order("o1", "A111111", "PLACED", LocalDate.now(), "N53DER",
                "MALE", "LOW", null, 2400, 0, 2400, 720, 0, LocalDate.now().plusYears(1),
                new UnpaidWorkApi.Placement("PRJ1", "GROUP", false, null, LocalDate.now()), null, 0, List.of(), null);
    }

    static UnpaidWorkApi.Session on(String id, LocalDate date, List<UnpaidWorkApi.RosterEntry> roster) {
        return new UnpaidWorkApi.Session(id, "PRJ1", "Canal towpath", "GROUP", "N53DER", date,
                LocalTime.of(8, 0), LocalTime.of(15, 0), 420, 2, 5, 10, roster.size(), 10 - roster.size(),
                "SCHEDULED", null, false, List.of(), roster);
    }

    @Test
    void bookingOffersNoSessionThatHasHappenedAndShowsTheDaysPerWeekLimitAtTheSessionKeepingTheChoice()
            throws Exception {
        when(api.order("o1")).thenReturn(placedOrder());
        LocalDate today = UnpaidWorkFormat.today();
        when(api.sessions(any(), any(), eq("PRJ1"))).thenReturn(List.of(on("past", today.minusDays(1), List.of()),
                on("s2", today.plusDays(2), List.of()), on("s3", today.plusDays(3), List.of())));
        String form = mvc.perform(get("/unpaid-work/orders/o1/booking").with(carl())).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("value=\"s2\"").contains("value=\"s3\"").doesNotContain("value=\"past\"")
                .contains("a session that has already happened cannot be");

        org.mockito.Mockito.doThrow(new ApiProblem(422, "The order is booked on as many days that week as it may be",
                null, List.of(new ApiProblem.FieldError("sessionId", "an order that is not intensive is worked on at "
                        + "most 2 days a week; it is already booked on [2026-11-30, 2026-12-01] in the week of "
                        + "2026-11-30")), Map.of())).when(api).book(eq("s3"), eq("o1"), any());
        String refused = mvc.perform(post("/unpaid-work/orders/o1/booking").with(carl()).with(csrf())
                .param("sessionId", "s3").param("formToken", "t-3")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("href=\"#sessionId\"")
                .contains("An order that is not intensive is worked on at most 2 days a week")
                .containsPattern("id=\"sessionId-error\"[\\s\\S]*at most 2 days a week")
                .containsPattern("value=\"s3\"[^>]*checked");
    }

    @Test
    void aBookingRefusedForASessionThatHasHappenedIsShownAtTheSession() throws Exception {
        when(api.order("o1")).thenReturn(placedOrder());
        when(api.sessions(any(), any(), eq("PRJ1"))).thenReturn(List.of(on("s2", UnpaidWorkFormat.today(), List.of())));
        org.mockito.Mockito.doThrow(new ApiProblem(422, "The session has already happened", null,
                List.of(new ApiProblem.FieldError("sessionDate", "the session on 2026-11-26 has already happened; "
                        + "sessions are booked from today (2026-11-27)")), Map.of()))
                .when(api).book(eq("s2"), eq("o1"), any());
        String refused = mvc.perform(post("/unpaid-work/orders/o1/booking").with(carl()).with(csrf())
                .param("sessionId", "s2").param("formToken", "t-4")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("href=\"#sessionId\"")
                .containsPattern("id=\"sessionId-error\"[\\s\\S]*The session on 2026-11-26 has already happened");
    }

    @Test
    void attendanceForASessionStillToComeIsNotOfferedAndSaysWhy() throws Exception {
        when(api.session("s9")).thenReturn(on("s9", UnpaidWorkFormat.today().plusDays(1),
                List.of(booked("o1", "A111111"))));
        String roster = mvc.perform(get("/supervision/sessions/s9").with(sam())).andReturn().getResponse()
                .getContentAsString();
        assertThat(roster).contains("Attendance can be recorded from the day of the session")
                .doesNotContain("name=\"orderId\"").doesNotContain("What happened?").contains("A111111");

        String refused = mvc.perform(post("/supervision/sessions/s9").with(sam()).with(csrf()).param("orderId", "o1")
                .param("outcome", "ATTENDED_COMPLIED").param("hours", "7").param("minutes", "0")).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("There is a problem").contains("href=\"#people\"")
                .contains("Attendance can be recorded from the day of the session");
        verify(api, never()).recordAttendance(any(), any(), any(), anyInt(), any());

        String coordinatorView = mvc.perform(get("/unpaid-work/sessions/s9").with(carl())).andReturn().getResponse()
                .getContentAsString();
        assertThat(coordinatorView).contains("Recorded from the day of the session").doesNotContain("Not recorded");
    }

    @Test
    void attendanceTheServiceRefusesForTheSessionsDateIsShownAtThePeopleAndNothingChosenIsLost() throws Exception {
        when(api.session("s1")).thenReturn(today(List.of(booked("o1", "A111111"))));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/supervision/sessions/s1").with(sam()).with(csrf()).session(session).param("orderId", "o1")
                .param("outcome", "ATTENDED_COMPLIED").param("hours", "6").param("minutes", "30"));
        org.mockito.Mockito.doThrow(new ApiProblem(422, "Unprocessable", null, List.of(new ApiProblem.FieldError(
                "sessionDate", "cannot record attendance before the session's day (2026-11-28)")), Map.of()))
                .when(api).recordAttendance(eq("s1"), eq("o1"), any(), anyInt(), any());
        MvcResult done = mvc.perform(post("/supervision/sessions/s1/check").with(sam()).with(csrf()).session(session)
                .param("formToken", "t-5")).andReturn();
        String after = mvc.perform(get("/supervision/sessions/s1").with(sam()).session(session)
                .flashAttrs(done.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("href=\"#people\"")
                .containsPattern("id=\"people-error\"[\\s\\S]*A111111 was not recorded: cannot record attendance "
                        + "before the session&#39;s day")
                .containsPattern("value=\"o1\"[^>]*checked").containsPattern("value=\"ATTENDED_COMPLIED\"[^>]*checked")
                .containsPattern("id=\"hours\"[^>]*value=\"6\"").containsPattern("id=\"minutes\"[^>]*value=\"30\"");
    }
}
