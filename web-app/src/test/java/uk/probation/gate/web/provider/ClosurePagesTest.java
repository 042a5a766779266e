package uk.probation.gate.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.ReferralApi;

/** A provider's referral with its stage dates and escalations, and closing it with the end-of-service report. */
@SpringBootTest
@AutoConfigureMockMvc
class ClosurePagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ProviderReferrals referrals;

    static ProviderReferrals.Referral referral(String status, List<ProviderReferrals.Escalation> escalations,
            boolean withReport) {
        return new ProviderReferrals.Referral("r1", new ProviderReferrals.PersonReference("A1234BC", null),
                "ACCOMMODATION", "IN_HOUSE_HOUSING", status, LocalDate.of(2026, 11, 20), false, "NMI", null, "MALE",
                "MEDIUM", "SETTLED_ACCOMMODATION_SECURED", Instant.now(), Instant.now(), null, List.of(),
                LocalDate.of(2026, 12, 4), LocalDate.of(2027, 1, 29), escalations,
                List.of("SETTLED_ACCOMMODATION", "TENANCY_SUSTAINED"), withReport);
    }

    @Test
    void theReferralShowsItsStageDatesAndEscalationsAndOffersToCloseOnceTheOutcomeIsRecorded() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("OUTCOME_RECORDED", List.of(new ProviderReferrals.Escalation(
                "START", LocalDate.of(2026, 12, 4), Instant.parse("2026-12-05T09:00:00Z"))), false));
        String page = mvc.perform(get("/referrals/r1").with(ProviderPagesTest.housing())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Start by").contains("4 December 2026").contains("Outcome by")
                .contains("29 January 2027").contains("Settled accommodation, Tenancy sustained")
                .contains("Not started by the start-by date (4 December 2026): escalated 5 Dec 2026, 09:00")
                .contains(">Escalated<").contains("href=\"/referrals/r1/close\"");
    }

    @Test
    void closingAsksForEachDesiredOutcomeThenChecksThenClosesWithTheReportOnce() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("OUTCOME_RECORDED", List.of(), false));
        String form = mvc.perform(get("/referrals/r1/close").with(ProviderPagesTest.housing())).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("End-of-service report").contains("Was settled accommodation achieved?")
                .contains("Partly achieved").contains("Summary (optional)");

        String missing = mvc.perform(post("/referrals/r1/close").with(ProviderPagesTest.housing()).with(csrf())
                .param("achieved-SETTLED_ACCOMMODATION", "ACHIEVED")).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("Select whether tenancy sustained was achieved")
                .contains("href=\"#achieved-TENANCY_SUSTAINED\"");

        String check = mvc.perform(post("/referrals/r1/close").with(ProviderPagesTest.housing()).with(csrf())
                .param("achieved-SETTLED_ACCOMMODATION", "ACHIEVED").param("note-SETTLED_ACCOMMODATION", "Flat")
                .param("achieved-TENANCY_SUSTAINED", "NOT_ACHIEVED").param("summary", "Housed on release."))
                .andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Check the end-of-service report before you close the referral")
                .contains("Achieved. Flat").contains("Not achieved").contains("Housed on release.")
                .contains("name=\"achieved-TENANCY_SUSTAINED\" value=\"NOT_ACHIEVED\"");

        MockHttpSession session = new MockHttpSession();
        for (int i = 0; i < 2; i++) {
            MvcResult closed = mvc.perform(post("/referrals/r1/close/check").session(session)
                    .with(ProviderPagesTest.housing()).with(csrf())
                    .param("achieved-SETTLED_ACCOMMODATION", "ACHIEVED").param("note-SETTLED_ACCOMMODATION", "Flat")
                    .param("achieved-TENANCY_SUSTAINED", "NOT_ACHIEVED").param("note-TENANCY_SUSTAINED", "")
                    .param("summary", "Housed on release.").param("formToken", "c1")).andReturn();
            assertThat(closed.getResponse().getRedirectedUrl()).isEqualTo("/referrals/r1");
        }
        verify(referrals, times(1)).close("r1", new ProviderReferrals.Report(List.of(
                new ProviderReferrals.Achievement("SETTLED_ACCOMMODATION", "ACHIEVED", "Flat"),
                new ProviderReferrals.Achievement("TENANCY_SUSTAINED", "NOT_ACHIEVED", null)),
                "Housed on release."), "c1");
    }

    @Test
    void theServicesRefusalIsShownAtTheDesiredOutcome() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("OUTCOME_RECORDED", List.of(), false));
        doThrow(new ApiProblem(422, "Invalid", null, List.of(new ApiProblem.FieldError(
                "endOfServiceReport.achievements[TENANCY_SUSTAINED]", "must be answered once")), Map.of()))
                .when(referrals).close(eq("r1"), any(), anyString());
        String page = mvc.perform(post("/referrals/r1/close/check").with(ProviderPagesTest.housing()).with(csrf())
                .param("achieved-SETTLED_ACCOMMODATION", "ACHIEVED").param("achieved-TENANCY_SUSTAINED", "ACHIEVED")
                .param("formToken", "c2")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"achieved-TENANCY_SUSTAINED-error\"")
                .contains("Tenancy sustained must be answered once");
    }

    @Test
    void aClosedReferralShowsItsReportAndIsNotOfferedForClosingAgain() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("CLOSED", List.of(), true));
        when(referrals.endOfServiceReport("r1")).thenReturn(new ReferralApi.EndOfServiceReport(List.of(
                new ReferralApi.Achievement("SETTLED_ACCOMMODATION", "PARTIALLY_ACHIEVED", "Hostel")), "Housed.",
                "prov-in-house-housing", Instant.parse("2026-12-01T10:00:00Z")));
        String page = mvc.perform(get("/referrals/r1").with(ProviderPagesTest.housing())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("End-of-service report").contains("Partly achieved. Hostel").contains("Housed.")
                .doesNotContain("href=\"/referrals/r1/close\"");
        assertThat(mvc.perform(get("/referrals/r1/close").with(ProviderPagesTest.housing())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/referrals/r1");
        verify(referrals, never()).close(anyString(), any(), anyString());
    }

    @Test
    void aReportTypedBeforeATimeOutIsShownAgainAfterSigningBackIn() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("OUTCOME_RECORDED", List.of(), false));
        String form = mvc.perform(get("/referrals/r1/close").with(ProviderPagesTest.housing())
                .requestAttr(uk.probation.gate.web.security.UnfinishedForms.RESTORED, true)
                .param("summary", "Typed before the time-out")).andReturn().getResponse().getContentAsString();
        assertThat(form).contains(">Typed before the time-out</textarea>");
        String check = mvc.perform(get("/referrals/r1/close/check").with(ProviderPagesTest.housing())
                .requestAttr(uk.probation.gate.web.security.UnfinishedForms.RESTORED, true)
                .param("achieved-SETTLED_ACCOMMODATION", "ACHIEVED").param("achieved-TENANCY_SUSTAINED", "ACHIEVED")
                .param("summary", "Typed before the time-out")).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Check the end-of-service report").contains("Typed before the time-out");
        assertThat(mvc.perform(get("/referrals/r1/close/check").with(ProviderPagesTest.housing())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/referrals/r1/close");
    }
}
