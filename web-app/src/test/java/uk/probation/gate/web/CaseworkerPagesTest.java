package uk.probation.gate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
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
import uk.probation.gate.web.api.ReferralApi;
import uk.probation.gate.web.api.ResettlementApi;

/** The caseworker's pages rendered by the real templates over stubbed service clients (the browser suite uses real ones). */
@SpringBootTest
@AutoConfigureMockMvc
class CaseworkerPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ResettlementApi resettlement;
    @MockitoBean
    ReferralApi referrals;

    static RequestPostProcessor asha() {
        return oidcLogin().idToken(token -> token.subject("cw-nottingham").claim("name", "Asha Patel")
                        .claim("roles", List.of("RESETTLEMENT_CASEWORKER")).claim("prisons", List.of("NMI")))
                .authorities(new SimpleGrantedAuthority("ROLE_RESETTLEMENT_CASEWORKER"));
    }

    static ResettlementApi.Case aCase(long version, ResettlementApi.Plan plan) {
        return new ResettlementApi.Case("case-1", version, "A1234BC", null, "NMI", "PLAN_IN_PROGRESS",
                LocalDate.now().minusDays(2), LocalDate.now().plusDays(10), "MALE", "MEDIUM", null,
                LocalDate.now().plusDays(3), null, "SCREENING", LocalDate.now().plusDays(3), plan, null, null, false,
                null, null, null, null, null);
    }

    @Test
    void aSignedOutPersonIsSentToSignIn() throws Exception {
        MvcResult result = mvc.perform(get("/caseload")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/gate");
    }

    @Test
    void theFirstPageShowsTheWorklistAboveTheCaseloadWithSortAndPaging() throws Exception {
        when(referrals.releaseReadiness(eq(14), any(), eq(0), eq(20))).thenReturn(new Page<>(List.of(
                new ReferralApi.ReadinessItem("B2345CD", "case-2", "NMI", LocalDate.now().plusDays(3), 3, true,
                        new ReferralApi.NeedState("ACCOMMODATION", true, false, "NO_REFERRAL", null, null, null, null),
                        new ReferralApi.NeedState("EDUCATION_SKILLS_AND_WORK", true, false, "REFERRED", "r1", "SENT",
                                "INGEUS", LocalDate.now().plusDays(2)))), 0, 20, 1));
        when(resettlement.caseload(any())).thenReturn(new Page<>(List.of(new ResettlementApi.CaseloadEntry("case-1",
                "A1234BC", "NMI", "SCREENING_DUE", "SCREENING", LocalDate.now().minusDays(1), true,
                LocalDate.now().plusMonths(3), null, null, null, false, null)), 0, 20, 21));

        String html = mvc.perform(get("/").with(asha())).andReturn().getResponse().getRedirectedUrl();
        assertThat(html).isEqualTo("/caseload");
        String page = mvc.perform(get("/caseload").with(asha())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Asha Patel").contains("Sign out")
                .contains("Due out within 14 days without accommodation or work secured")
                .contains("B2345CD").contains("No referral").contains("INGEUS")
                .contains("A1234BC").contains("Overdue")
                .contains("aria-sort=\"ascending\"").contains("Showing <b>1</b> to\n    <b>1</b> of <b>21</b>");
        assertThat(page.indexOf("B2345CD")).isLessThan(page.indexOf("A1234BC"));
    }

    @Test
    void stayingSignedInWithoutJavaScriptReturnsOnlyToAPageOnThisSite() throws Exception {
        assertThat(mvc.perform(get("/session/keep-alive").param("back", "/cases/case-1").with(asha())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
        for (String elsewhere : List.of("//evil.example/", "/\\evil.example/", "https://evil.example/")) {
            assertThat(mvc.perform(get("/session/keep-alive").param("back", elsewhere).with(asha())).andReturn()
                    .getResponse().getRedirectedUrl()).as(elsewhere).isEqualTo("/");
        }
    }

    @Test
    void aCaseOutOfReachIsPageNotFound() throws Exception {
        when(resettlement.get("elsewhere")).thenThrow(new RecordNotFound("no case elsewhere"));
        MvcResult result = mvc.perform(get("/cases/elsewhere").with(asha())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).contains("Page not found");
    }

    @Test
    void aStaleSaveSaysWhoChangedThePlanShowsTheirVersionAndKeepsWhatWasTyped() throws Exception {
        ResettlementApi.Plan theirs = new ResettlementApi.Plan(2, List.of(new ResettlementApi.Need("ACCOMMODATION",
                "SUPPORT_NOT_REQUIRED", "Going back to family")), null, null, null,
                new ResettlementApi.Actor("cw-other", "Bella Okafor"), Instant.parse("2026-11-27T10:14:00Z"));
        when(resettlement.get("case-1")).thenReturn(aCase(4, theirs));
        when(resettlement.savePlan(eq("case-1"), eq(3L), any())).thenThrow(new ApiProblem(409, "Conflict",
                "changed", List.of(), Map.of("modifiedBy.name", "Bella Okafor", "modifiedAt", "2026-11-27T10:14:00Z")));

        String page = mvc.perform(post("/cases/case-1/plan/accommodation").with(asha()).with(csrf())
                        .param("version", "3").param("status", "SUPPORT_REQUIRED").param("note", "Needs a hostel")
                        .param("formToken", "t1"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Bella Okafor</th:block>".replace("</th:block>", "")).contains("changed")
                .contains("10:14am on 27 November 2026").contains("Going back to family")
                .contains(">Needs a hostel</textarea>").contains("name=\"version\" value=\"4\"");
    }

    @Test
    void aDoubleClickSavesOnce() throws Exception {
        when(resettlement.get("case-1")).thenReturn(aCase(3, null));
        MockHttpSession session = new MockHttpSession();
        for (int i = 0; i < 2; i++) {
            MvcResult result = mvc.perform(post("/cases/case-1/plan/accommodation").session(session).with(asha())
                    .with(csrf()).param("version", "3").param("status", "SUPPORT_REQUIRED")
                    .param("formToken", "same-token")).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1/plan");
        }
        verify(resettlement, times(1)).savePlan(eq("case-1"), anyLong(), any());
    }

    @Test
    void theCheckPageListsEveryTaskWithChangeLinksAndTheCasePageShowsReferralsAndOneTimeline() throws Exception {
        List<ResettlementApi.Need> needs = new java.util.ArrayList<>();
        for (String pathway : List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK", "FINANCE_AND_ID",
                "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY", "ATTITUDES_THINKING_AND_BEHAVIOUR")) {
            needs.add(new ResettlementApi.Need(pathway, "SUPPORT_REQUIRED", pathway.equals("HEALTH") ? "GP" : null));
        }
        ResettlementApi.Plan plan = new ResettlementApi.Plan(0, needs, "Low risk", null, null,
                new ResettlementApi.Actor("cw-nottingham", "Asha Patel"), Instant.parse("2026-11-27T10:14:00Z"));
        when(resettlement.get("case-1")).thenReturn(aCase(5, plan));
        String check = mvc.perform(get("/cases/case-1/plan/check").with(asha())).andReturn().getResponse()
                .getContentAsString();
        assertThat(check).contains("Check the plan before you complete it").contains("Support required. GP")
                .contains("href=\"/cases/case-1/plan/health\"").contains("Low risk")
                .contains("name=\"version\" value=\"5\"");

        when(resettlement.timeline("case-1")).thenReturn(List.of(new ResettlementApi.TimelineEntry(
                Instant.parse("2026-11-25T09:00:00Z"), "RECEIVED", new ResettlementApi.Actor("hmpps", "HMPPS"),
                "Received at NMI on 2026-11-25", Map.of())));
        when(referrals.forCase("case-1")).thenReturn(List.of(new ReferralApi.Referral("r1",
                new ReferralApi.PersonReference("A1234BC", null), "case-1", "ACCOMMODATION", "SOVA", "ACCEPTED",
                LocalDate.of(2026, 12, 3), false, null, null, List.of(
                        new ReferralApi.StatusChange("SENT", Instant.parse("2026-11-26T09:00:00Z"), "system", "SOVA",
                                null, null),
                        new ReferralApi.StatusChange("ACCEPTED", Instant.parse("2026-11-27T09:00:00Z"),
                                "prov-sova", "SOVA", null, null)), LocalDate.of(2026, 12, 13), null, List.of(), List.of(),
                false)));
        String page = mvc.perform(get("/cases/case-1").with(asha())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sova").contains("Accepted").contains("Start by 13 Dec 2026")
                .contains("Referral for accommodation: accepted (Sova)").contains("Received at NMI on 2026-11-25");
        assertThat(page.indexOf("accepted (Sova)")).as("newest first").isLessThan(page.indexOf("Received at NMI"));
    }
}
