package uk.probation.gate.web.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.api.ReferralApi;

/** A responsible officer's pages: their people's referrals, one referral, its end-of-service report. */
@SpringBootTest
@AutoConfigureMockMvc
class OfficerPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OfficerReferrals referrals;

    static RequestPostProcessor rob() {
        return oidcLogin().idToken(token -> token.subject("ro-n01ro1").claim("name", "Rob Khan")
                        .claim("roles", List.of("RESPONSIBLE_OFFICER")).claim("officer", "N01RO1"))
                .authorities(new SimpleGrantedAuthority("ROLE_RESPONSIBLE_OFFICER"));
    }

    static RequestPostProcessor provider() {
        return oidcLogin().idToken(token -> token.subject("prov-sova").claim("name", "Sova referrals team")
                        .claim("roles", List.of("PROVIDER")).claim("provider", "SOVA"))
                .authorities(new SimpleGrantedAuthority("ROLE_PROVIDER"));
    }

    static OfficerReferrals.Referral referral(String id, String status, boolean overdue, boolean withReport,
            List<OfficerReferrals.HistoryEntry> history, List<OfficerReferrals.Escalation> escalations) {
        return new OfficerReferrals.Referral(id, new OfficerReferrals.PersonReference("A1234BC", "X123456"),
                "ACCOMMODATION", "IN_HOUSE_HOUSING", status, LocalDate.of(2026, 11, 20), overdue, "c1", "NMI", null,
                "CLOSED".equals(status) ? "SETTLED_ACCOMMODATION_SECURED" : null, null, Instant.now(), history,
                List.of("ACCOMMODATION_ON_RELEASE", "TENANCY_SUSTAINED"), LocalDate.of(2026, 12, 4),
                LocalDate.of(2027, 1, 29), escalations, withReport);
    }

    @Test
    void anOfficerIsTakenToTheirPeoplesReferralsWithNeedProviderStatusAndTheCurrentStagesDeadline() throws Exception {
        when(referrals.list(anyList(), anyInt(), anyInt())).thenReturn(new Page<>(List.of(
                referral("r1", "ACCEPTED", true, false, List.of(), List.of()),
                referral("r2", "SENT", false, false, List.of(), List.of()),
                referral("r3", "CLOSED", false, true, List.of(), List.of())), 0, 20, 3));
        assertThat(mvc.perform(get("/").with(rob())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/officer/referrals");
        String page = mvc.perform(get("/officer/referrals").with(rob())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Your people’s referrals").contains("X123456 (A1234BC)").contains("Accommodation")
                .contains("In-house housing and welfare specialists").contains("Start by 4 Dec 2026")
                .contains("Respond by 20 Nov 2026").contains("Nothing due").contains(">Overdue<")
                .contains(">Accepted<").contains(">Closed<").contains("href=\"/officer/referrals/r1\"")
                .doesNotContain("IN_HOUSE_HOUSING").doesNotContain(">ACCEPTED<");
        verify(referrals).list(List.of(), 0, OfficerPages.PAGE_SIZE);
    }

    @Test
    void theListFiltersByStatus() throws Exception {
        when(referrals.list(anyList(), anyInt(), anyInt())).thenReturn(new Page<>(List.of(), 0, 20, 0));
        String page = mvc.perform(get("/officer/referrals").param("status", "CLOSED").with(rob())).andReturn()
                .getResponse().getContentAsString();
        verify(referrals).list(eq(List.of("CLOSED")), eq(0), eq(OfficerPages.PAGE_SIZE));
        assertThat(page).contains("None of your people’s referrals is closed.").contains("Clear filter");
    }

    @Test
    void aReferralShowsItsHistoryInPlainWordsDesiredOutcomesEscalationsAndALinkToTheReport() throws Exception {
        when(referrals.get("r3")).thenReturn(referral("r3", "CLOSED", false, true, List.of(
                new OfficerReferrals.HistoryEntry("SENT", Instant.parse("2026-11-02T10:14:00Z"), "system",
                        "SOVA", null, null),
                new OfficerReferrals.HistoryEntry("DECLINED", Instant.parse("2026-11-03T10:14:00Z"), "prov-sova",
                        "SOVA", "NO_CAPACITY", null),
                new OfficerReferrals.HistoryEntry("SENT", Instant.parse("2026-11-03T10:15:00Z"), "system",
                        "IN_HOUSE_HOUSING", null, null),
                new OfficerReferrals.HistoryEntry("OUTCOME_RECORDED", Instant.parse("2026-11-20T10:14:00Z"),
                        "prov-in-house-housing", "IN_HOUSE_HOUSING", null, "SETTLED_ACCOMMODATION_SECURED")),
                List.of(new OfficerReferrals.Escalation("START", LocalDate.of(2026, 12, 4),
                        Instant.parse("2026-12-05T09:00:00Z")))));
        String page = mvc.perform(get("/officer/referrals/r3").with(rob())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Sent to Sova").contains("Declined by Sova: No capacity")
                .contains("Sent to In-house housing and welfare specialists")
                .contains("Outcome recorded by In-house housing and welfare specialists: Settled accommodation secured")
                .contains("Accommodation on release").contains("Tenancy sustained")
                .contains("Not started by the start-by date (4 December 2026): escalated 5 Dec 2026, 09:00")
                .contains("href=\"/officer/referrals/r3/end-of-service-report\"")
                .doesNotContain("NO_CAPACITY").doesNotContain("OUTCOME_RECORDED");
    }

    @Test
    void theEndOfServiceReportSaysWhatWasAchievedAgainstEachDesiredOutcome() throws Exception {
        when(referrals.get("r3")).thenReturn(referral("r3", "CLOSED", false, true, List.of(), List.of()));
        when(referrals.endOfServiceReport("r3")).thenReturn(new ReferralApi.EndOfServiceReport(List.of(
                new ReferralApi.Achievement("ACCOMMODATION_ON_RELEASE", "ACHIEVED", "Tenancy signed"),
                new ReferralApi.Achievement("TENANCY_SUSTAINED", "PARTIALLY_ACHIEVED", null)),
                "Settled before release", null, Instant.parse("2026-11-21T10:00:00Z")));
        String page = mvc.perform(get("/officer/referrals/r3/end-of-service-report").with(rob())).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("End-of-service report").contains("Accommodation on release")
                .contains(">Achieved<").contains("Tenancy signed").contains("Partly achieved")
                .contains("Settled before release");
    }

    @Test
    void anotherOfficersReferralIsPageNotFoundAndOtherRolesCannotUseThesePages() throws Exception {
        when(referrals.get("theirs")).thenThrow(new RecordNotFound("no referral theirs"));
        assertThat(mvc.perform(get("/officer/referrals/theirs").with(rob())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/officer/referrals").with(provider())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        String nav = mvc.perform(get("/referrals").with(provider())).andReturn().getResponse().getContentAsString();
        assertThat(nav).doesNotContain("/officer/referrals");
    }
}
