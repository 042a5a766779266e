package uk.probation.gate.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.RecordNotFound;

/** A provider's pages rendered by the real templates over a stubbed referral-service (the browser suite uses the real one). */
@SpringBootTest
@AutoConfigureMockMvc
class ProviderPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ProviderReferrals referrals;

    static RequestPostProcessor housing() {
        return oidcLogin().idToken(token -> token.subject("prov-in-house-housing")
                        .claim("name", "In-house housing referrals team").claim("roles", List.of("PROVIDER"))
                        .claim("provider", "IN_HOUSE_HOUSING"))
                .authorities(new SimpleGrantedAuthority("ROLE_PROVIDER"));
    }

    static ProviderReferrals.Referral referral(String id, String need, String status, boolean overdue) {
        return new ProviderReferrals.Referral(id, new ProviderReferrals.PersonReference("A1234BC", null), need,
                "IN_HOUSE_HOUSING", status, LocalDate.now().plusDays(3), overdue, "NMI", null, "MALE", "MEDIUM",
                null, Instant.now(), Instant.now(), null, List.of(new ProviderReferrals.HistoryEntry("SENT",
                        Instant.parse("2026-11-27T10:14:00Z"), "system", "IN_HOUSE_HOUSING", null, null)), null, null,
                List.of(), List.of(), false);
    }

    @Test
    void theInboxListsTheNewReferralsOverdueTaggedWithCountsPerTab() throws Exception {
        when(referrals.inbox(eq(List.of("SENT")), eq(0), eq(20))).thenReturn(new Page<>(List.of(
                referral("r1", "ACCOMMODATION", "SENT", true)), 0, 20, 1));
        when(referrals.total(eq(List.of("ACCEPTED", "IN_PROGRESS")))).thenReturn(4L);
        when(referrals.total(eq(List.of("OUTCOME_RECORDED", "CLOSED")))).thenReturn(7L);

        assertThat(mvc.perform(get("/").with(housing())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/referrals");
        String page = mvc.perform(get("/referrals").with(housing())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("In-house housing and welfare specialists").contains("A1234BC").contains("Overdue")
                .contains("(1)").contains("(4)").contains("(7)").contains("aria-current=\"page\"")
                .contains("HMP Nottingham").contains("Accommodation");
    }

    @Test
    void theClosedTabListsNewestFirstWithTheOutcome() throws Exception {
        ProviderReferrals.Referral done = referral("r3", "ACCOMMODATION", "OUTCOME_RECORDED", false);
        when(referrals.newest(eq(List.of("OUTCOME_RECORDED", "CLOSED")), eq(0), eq(20))).thenReturn(new Page<>(List.of(
                new ProviderReferrals.Referral(done.id(), done.personReference(), done.need(), done.providerCode(),
                        done.status(), done.respondBy(), false, "NMI", null, "MALE", "LOW",
                        "TEMPORARY_ACCOMMODATION_SECURED", null, null, null, List.of(), null, null, List.of(),
                        List.of(), false)), 0, 20, 1));
        String page = mvc.perform(get("/referrals?tab=closed").with(housing())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Closed referrals").contains("Temporary accommodation secured")
                .contains(">Outcome</th>");
    }

    @Test
    void aReferralOfferedShowsAcceptAndDecline() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("r1", "ACCOMMODATION", "SENT", false));
        String page = mvc.perform(get("/referrals/r1").with(housing())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Referral for A1234BC").contains("/referrals/r1/accept")
                .contains("/referrals/r1/decline").doesNotContain("/referrals/r1/start");
        String check = mvc.perform(get("/referrals/r1/accept").with(housing())).andReturn().getResponse()
                .getContentAsString();
        assertThat(check).contains("Check before you accept this referral").contains("Accept referral");
    }

    @Test
    void aDoubleClickAcceptsOnce() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("r1", "ACCOMMODATION", "SENT", false));
        MockHttpSession session = new MockHttpSession();
        for (int i = 0; i < 2; i++) {
            MvcResult result = mvc.perform(post("/referrals/r1/accept").session(session).with(housing()).with(csrf())
                    .param("formToken", "same")).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/referrals/r1");
        }
        verify(referrals, times(1)).accept("r1", "same");
    }

    @Test
    void theOutcomesOfferedAreThoseOfTheNeedAndNoneChosenIsAnErrorAtTheField() throws Exception {
        when(referrals.get("r2")).thenReturn(referral("r2", "EDUCATION_SKILLS_AND_WORK", "IN_PROGRESS", false));
        String form = mvc.perform(get("/referrals/r2/outcome").with(housing())).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("Employment secured").contains("Training or education secured")
                .contains("Not secured").doesNotContain("Settled accommodation").doesNotContain(">Achieved<");
        String error = mvc.perform(post("/referrals/r2/outcome").with(housing()).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(error).contains("There is a problem").contains("id=\"outcome-error\"");
        String next = mvc.perform(post("/referrals/r2/outcome").with(housing()).with(csrf())
                .param("outcome", "EMPLOYMENT_SECURED")).andReturn().getResponse().getRedirectedUrl();
        assertThat(next).isEqualTo("/referrals/r2/outcome/check?outcome=EMPLOYMENT_SECURED");
        String check = mvc.perform(get(next).with(housing())).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Check the outcome before you record it").contains("Employment secured")
                .contains("name=\"outcome\" value=\"EMPLOYMENT_SECURED\"");
    }

    @Test
    void aRefusedOutcomeIsShownAtTheField() throws Exception {
        when(referrals.get("r2")).thenReturn(referral("r2", "HEALTH", "IN_PROGRESS", false));
        doThrow(new ApiProblem(422, "Unprocessable", "no", List.of(
                new ApiProblem.FieldError("outcome", "must be one of [ACHIEVED]")), Map.of()))
                .when(referrals).recordOutcome(eq("r2"), eq("ACHIEVED"), any());
        String page = mvc.perform(post("/referrals/r2/outcome/check").with(housing()).with(csrf())
                .param("outcome", "ACHIEVED").param("formToken", "t")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("Outcome must be one of [ACHIEVED]");
    }

    @Test
    void declineNeedsAReasonThenChecksItThenGoesBackToTheInbox() throws Exception {
        when(referrals.get("r1")).thenReturn(referral("r1", "ACCOMMODATION", "SENT", false));
        String form = mvc.perform(get("/referrals/r1/decline").with(housing())).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("Why are you declining this referral?").contains("No capacity");
        assertThat(mvc.perform(post("/referrals/r1/decline").with(housing()).with(csrf())).andReturn().getResponse()
                .getContentAsString()).contains("Select why you are declining this referral");
        String check = mvc.perform(get("/referrals/r1/decline/check?reason=NO_CAPACITY").with(housing())).andReturn()
                .getResponse().getContentAsString();
        assertThat(check).contains("Check before you decline this referral").contains("No capacity");
        MvcResult declined = mvc.perform(post("/referrals/r1/decline/check").with(housing()).with(csrf())
                .param("reason", "NO_CAPACITY").param("formToken", "t2")).andReturn();
        assertThat(declined.getResponse().getRedirectedUrl()).isEqualTo("/referrals?tab=new");
        verify(referrals).decline("r1", "NO_CAPACITY", "t2");
    }

    @Test
    void anotherProvidersReferralIsPageNotFound() throws Exception {
        when(referrals.get("theirs")).thenThrow(new RecordNotFound("no referral theirs"));
        MvcResult result = mvc.perform(get("/referrals/theirs").with(housing())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).contains("Page not found");
        assertThat(mvc.perform(get("/referrals/theirs/outcome").with(housing())).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void someoneWhoIsNotAProviderCannotOpenTheInbox() throws Exception {
        RequestPostProcessor ops = oidcLogin().idToken(token -> token.subject("ops").claim("name", "Olu Adeyemi")
                .claim("roles", List.of("OPS_VIEWER"))).authorities(new SimpleGrantedAuthority("ROLE_OPS_VIEWER"));
        assertThat(mvc.perform(get("/referrals").with(ops)).andReturn().getResponse().getStatus()).isEqualTo(403);
        verify(referrals, times(0)).inbox(any(), anyInt(), anyInt());
    }
}
