package uk.probation.gate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
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
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.ReferralApi;
import uk.probation.gate.web.api.ResettlementApi;

/**
 * Issue 11's caseworker pages over stubbed services: the details form (If-Match, a stale save naming who changed
 * the case, 422 at the field), recall, allocation, the caseload's holder and filters, the screening and review forms
 * from the questions API, answers shown with the question text of the version answered, the end-of-service report.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseDetailsPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ResettlementApi resettlement;
    @MockitoBean
    ReferralApi referrals;

    static ResettlementApi.Case aCase(long version, String status, String allocatedTo, String allocatedToName,
            ResettlementApi.PreReleaseReview review, ResettlementApi.Screening screening, boolean recall) {
        return new ResettlementApi.Case("case-1", version, "A1234BC", "X123456", "NMI", status,
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 1), "MALE", "MEDIUM", "N01RO1",
                LocalDate.of(2026, 11, 25), null, "SCREENING", LocalDate.of(2026, 11, 25), null, null, null, recall,
                allocatedTo, allocatedToName, review, screening, null);
    }

    static ResettlementApi.Case open(long version) {
        return aCase(version, "PLAN_IN_PROGRESS", null, null, null, null, false);
    }

    static ResettlementApi.Questions questions(int version, String text) {
        return new ResettlementApi.Questions("IMMEDIATE_NEEDS", version, Instant.parse("2026-11-01T10:00:00Z"),
                List.of(new ResettlementApi.Question("accommodation-tonight", "ACCOMMODATION", text, "YES_NO",
                                List.of(), true),
                        new ResettlementApi.Question("benefits", "FINANCE_AND_ID", "Which benefits did they claim?",
                                "CHOICE", List.of("UNIVERSAL_CREDIT", "PIP", "NONE"), true),
                        new ResettlementApi.Question("other", "HEALTH", "Anything else?", "TEXT", List.of(), false)));
    }

    @Test
    void theCasePageShowsRecallWhoHoldsItAndChangeLinksToTheDetails() throws Exception {
        when(resettlement.get("case-1")).thenReturn(aCase(3, "PLAN_IN_PROGRESS", "cw-nottingham2", "Chris Doyle",
                null, null, true));
        String page = mvc.perform(get("/cases/case-1").with(CaseworkerPagesTest.asha())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"recall-tag\"").contains("Yes, recalled to prison")
                .contains("Held by <strong>Chris Doyle</strong>").contains("Allocate to me")
                .contains("Allocate to someone else").contains("Unallocate")
                .contains("href=\"/cases/case-1/details\"").contains("Record the screening");
    }

    @Test
    void detailsAreSavedWithTheVersionSeenAndAStaleSaveSaysWhoChangedTheCaseKeepingWhatWasTyped() throws Exception {
        when(resettlement.get("case-1")).thenReturn(open(3));
        String form = mvc.perform(get("/cases/case-1/details").with(CaseworkerPagesTest.asha())).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("value=\"X123456\"").contains("name=\"version\" value=\"3\"")
                .contains("Is this a recall?");

        MvcResult saved = mvc.perform(details("3", "15", "1", "2027").param("formToken", "t-ok")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
        verify(resettlement).updateDetails(eq("case-1"), eq(3L), eq(new ResettlementApi.Details("X654321",
                LocalDate.of(2027, 1, 15), "MALE", "HIGH", "N01RO1", true)));

        when(resettlement.updateDetails(eq("case-1"), eq(2L), any())).thenThrow(new ApiProblem(412,
                "Precondition failed", "changed", List.of(),
                Map.of("modifiedBy.name", "Chris Doyle", "modifiedAt", "2026-11-27T10:14:00Z")));
        String stale = mvc.perform(details("2", "15", "1", "2027").param("formToken", "t-stale")).andReturn()
                .getResponse().getContentAsString();
        assertThat(stale).contains("Chris Doyle</th:block>".replace("</th:block>", "")).contains("changed")
                .contains("10:14am on 27 November 2026").contains("Latest saved details")
                .contains("value=\"x654321\"").contains("name=\"version\" value=\"3\"");
    }

    @Test
    void theServicesRefusalIsShownAtTheFieldAndADoubleClickSavesOnce() throws Exception {
        when(resettlement.get("case-1")).thenReturn(open(3));
        when(resettlement.updateDetails(eq("case-1"), eq(4L), any())).thenThrow(new ApiProblem(422, "Invalid",
                null, List.of(new ApiProblem.FieldError("expectedReleaseDate", "must not be before receivedOn")),
                Map.of()));
        String page = mvc.perform(details("4", "1", "1", "2020").param("formToken", "t-bad")).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("href=\"#expectedReleaseDate-day\"")
                .contains("Expected release date must not be before receivedOn")
                .contains("id=\"expectedReleaseDate-day-error\"");

        MockHttpSession session = new MockHttpSession();
        for (int i = 0; i < 2; i++) {
            MvcResult result = mvc.perform(details("3", "15", "1", "2027").session(session)
                    .param("formToken", "same")).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
        }
        verify(resettlement, times(1)).updateDetails(eq("case-1"), eq(3L), any());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder details(String version,
            String day, String month, String year) {
        return post("/cases/case-1/details").with(CaseworkerPagesTest.asha()).with(csrf()).param("version", version)
                .param("crn", "x654321").param("expectedReleaseDate-day", day)
                .param("expectedReleaseDate-month", month).param("expectedReleaseDate-year", year)
                .param("sex", "MALE").param("riskOfSeriousHarm", "HIGH").param("responsibleOfficerCode", "N01RO1")
                .param("recall", "true");
    }

    @Test
    void allocatingToMeToSomeoneElseAndUnallocating() throws Exception {
        when(resettlement.get("case-1")).thenReturn(open(3));
        when(resettlement.allocate("case-1", "me")).thenReturn(aCase(4, "PLAN_IN_PROGRESS", "cw-nottingham",
                "Asha Patel", null, null, false));
        MvcResult mine = mvc.perform(post("/cases/case-1/allocation").with(CaseworkerPagesTest.asha()).with(csrf())
                .param("action", "me").param("formToken", "a1")).andReturn();
        assertThat(mine.getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
        assertThat(mine.getFlashMap().get("success")).isEqualTo("Case allocated to you");

        String empty = mvc.perform(post("/cases/case-1/allocation").with(CaseworkerPagesTest.asha()).with(csrf())
                .param("action", "someone").param("caseworker", " ").param("formToken", "a2")).andReturn()
                .getResponse().getContentAsString();
        assertThat(empty).contains("Enter the caseworker&#39;s user id");
        when(resettlement.allocate("case-1", "bad id!")).thenThrow(new ApiProblem(422, "Invalid", null,
                List.of(new ApiProblem.FieldError("caseworker", "must be a user id")), Map.of()));
        String bad = mvc.perform(post("/cases/case-1/allocation").with(CaseworkerPagesTest.asha()).with(csrf())
                .param("action", "someone").param("caseworker", "bad id!").param("formToken", "a3")).andReturn()
                .getResponse().getContentAsString();
        assertThat(bad).contains("id=\"caseworker-error\"").contains("must be a user id");

        when(resettlement.deallocate("case-1")).thenReturn(open(5));
        MvcResult removed = mvc.perform(post("/cases/case-1/allocation").with(CaseworkerPagesTest.asha())
                .with(csrf()).param("action", "remove").param("formToken", "a4")).andReturn();
        assertThat(removed.getFlashMap().get("success")).isEqualTo("Case unallocated");
    }

    @Test
    void theCaseloadShowsWhoHoldsEachCaseRecallsAndFiltersMyCasesAndUnallocated() throws Exception {
        when(referrals.releaseReadiness(anyInt(), any(), anyInt(), anyInt())).thenReturn(Page.empty(20));
        when(resettlement.caseload(any())).thenReturn(new Page<>(List.of(
                new ResettlementApi.CaseloadEntry("case-1", "A1234BC", "NMI", "PLAN_COMPLETED", "PRE_RELEASE_REVIEW",
                        LocalDate.of(2026, 12, 1), false, LocalDate.of(2027, 1, 26), null, "cw-nottingham",
                        "Asha Patel", true, "X123456"),
                new ResettlementApi.CaseloadEntry("case-2", "B2345CD", "NMI", "SCREENING_DUE", "SCREENING",
                        LocalDate.of(2026, 12, 1), false, null, null, null, null, false, null)), 0, 20, 2));
        String page = mvc.perform(get("/caseload").param("held", "me").with(CaseworkerPagesTest.asha())).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Held by").contains("Asha Patel (you)").contains("Nobody").contains(">Recall<")
                .contains("href=\"/cases/case-1/pre-release-review\"").contains("Pre-release review")
                .contains("HMP Nottingham").contains("id=\"held-me\" name=\"held\" type=\"radio\" value=\"me\" checked");
        verify(resettlement).caseload(argThat(q -> "me".equals(q.allocatedTo()) && q.unallocated() == null));

        mvc.perform(get("/caseload").param("held", "nobody").with(CaseworkerPagesTest.asha()));
        verify(resettlement).caseload(argThat(q -> q.allocatedTo() == null && Boolean.TRUE.equals(q.unallocated())));
    }

    @Test
    void theScreeningFormIsBuiltFromTheQuestionsAndPostsTheVersionAnswered() throws Exception {
        when(resettlement.get("case-1")).thenReturn(open(3));
        when(resettlement.questions("IMMEDIATE_NEEDS")).thenReturn(questions(2, "Do they have somewhere to stay tonight?"));
        when(resettlement.questions("IMMEDIATE_NEEDS", 2)).thenReturn(questions(2, "Do they have somewhere to stay tonight?"));
        String form = mvc.perform(get("/cases/case-1/screening").with(CaseworkerPagesTest.asha())).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("Do they have somewhere to stay tonight?").contains("Universal credit")
                .contains("Anything else? (optional)").contains("name=\"questionsVersion\" value=\"2\"")
                .contains("Finance and ID");

        String missing = mvc.perform(post("/cases/case-1/screening").with(CaseworkerPagesTest.asha()).with(csrf())
                .param("questionsVersion", "2").param("answer-benefits", "PIP").param("formToken", "s1")).andReturn()
                .getResponse().getContentAsString();
        assertThat(missing).contains("Select an answer to: Do they have somewhere to stay tonight?")
                .contains("href=\"#answer-accommodation-tonight\"");
        verify(resettlement, never()).recordScreening(anyString(), any());

        when(resettlement.recordScreening(eq("case-1"), any())).thenReturn(open(4));
        MvcResult done = mvc.perform(post("/cases/case-1/screening").with(CaseworkerPagesTest.asha()).with(csrf())
                .param("questionsVersion", "2").param("answer-accommodation-tonight", "NO")
                .param("answer-benefits", "PIP").param("answer-other", "").param("formToken", "s2")).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
        verify(resettlement).recordScreening("case-1", new ResettlementApi.Answers(2, List.of(
                new ResettlementApi.GivenAnswer("accommodation-tonight", "NO"),
                new ResettlementApi.GivenAnswer("benefits", "PIP"))));
    }

    @Test
    void aReviewRefusedByTheServiceShowsTheMessageAtTheQuestion() throws Exception {
        ResettlementApi.PreReleaseReview due = new ResettlementApi.PreReleaseReview(LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 12, 8), "DUE", null, null, null, null, List.of());
        when(resettlement.get("case-1")).thenReturn(aCase(3, "PLAN_COMPLETED", null, null, due, null, false));
        ResettlementApi.Questions review = new ResettlementApi.Questions("PRE_RELEASE", 1, null, List.of(
                new ResettlementApi.Question("address", "ACCOMMODATION", "Where will they live?", "CHOICE",
                        List.of("SETTLED", "TEMPORARY", "NO_FIXED_ABODE"), true)));
        when(resettlement.questions("PRE_RELEASE", 1)).thenReturn(review);
        when(resettlement.completePreReleaseReview(eq("case-1"), any(), any())).thenThrow(new ApiProblem(422,
                "Invalid", null, List.of(new ApiProblem.FieldError("answers[address]", "is not one of the choices")),
                Map.of()));
        String page = mvc.perform(post("/cases/case-1/pre-release-review").with(CaseworkerPagesTest.asha())
                .with(csrf()).param("questionsVersion", "1").param("answer-address", "CASTLE")
                .param("formToken", "r1")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Pre-release review").contains("id=\"answer-address-error\"")
                .contains("Where will they live? is not one of the choices").contains("No fixed abode");
    }

    @Test
    void answersShowTheQuestionTextOfTheVersionAnsweredAndTheNewTimelineEntriesReadAsWords() throws Exception {
        ResettlementApi.Screening screening = new ResettlementApi.Screening(1, "2026-11-21",
                Map.of("id", "cw-nottingham", "name", "Asha Patel"), List.of(new ResettlementApi.Answer(
                        "accommodation-tonight", "Somewhere to stay tonight (version 1 wording)?", "YES")));
        ResettlementApi.PreReleaseReview completed = new ResettlementApi.PreReleaseReview(LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 12, 8), "COMPLETED", LocalDate.of(2026, 11, 30),
                new ResettlementApi.Actor("cw-nottingham", "Asha Patel"), true, 1, List.of(
                        new ResettlementApi.Answer("address", "Where will they live?", "NO_FIXED_ABODE")));
        when(resettlement.get("case-1")).thenReturn(aCase(3, "PLAN_COMPLETED", null, null, completed, screening,
                false));
        when(resettlement.timeline("case-1")).thenReturn(List.of(
                new ResettlementApi.TimelineEntry(Instant.parse("2026-11-22T09:00:00Z"), "DETAILS_UPDATED",
                        new ResettlementApi.Actor("cw-nottingham", "Asha Patel"), "Details updated",
                        Map.of("changedFields", List.of("expectedReleaseDate", "riskOfSeriousHarm"))),
                new ResettlementApi.TimelineEntry(Instant.parse("2026-11-23T09:00:00Z"), "CASE_ALLOCATED",
                        new ResettlementApi.Actor("cw-nottingham", "Asha Patel"), "Allocated to cw-nottingham2",
                        Map.of("allocatedTo", "cw-nottingham2", "allocatedToName", "Chris Doyle")),
                new ResettlementApi.TimelineEntry(Instant.parse("2026-11-24T09:00:00Z"), "CASE_DEALLOCATED",
                        new ResettlementApi.Actor("cw-nottingham", "Asha Patel"), "Deallocated (MANUAL)",
                        Map.of("reason", "MANUAL"))));
        when(referrals.forCase("case-1")).thenReturn(List.of(new ReferralApi.Referral("r1",
                new ReferralApi.PersonReference("A1234BC", null), "case-1", "ACCOMMODATION", "IN_HOUSE_HOUSING",
                "CLOSED", null, false, "SETTLED_ACCOMMODATION_SECURED", null, List.of(), null, null,
                List.of(new ReferralApi.Escalation("START", LocalDate.of(2026, 11, 25),
                        Instant.parse("2026-11-26T09:00:00Z"))), List.of("SETTLED_ACCOMMODATION"), true)));
        String page = mvc.perform(get("/cases/case-1").with(CaseworkerPagesTest.asha())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Somewhere to stay tonight (version 1 wording)?").contains("answering version 1")
                .contains("by Asha Patel").contains("Where will they live?").contains("No fixed abode")
                .contains("On time").doesNotContain("NO_FIXED_ABODE")
                .contains("Details changed: expected release date, risk of serious harm")
                .contains("Allocated to Chris Doyle").contains("Unallocated (unallocated by hand)")
                .contains("In-house housing and welfare specialists")
                .contains("Escalated: not started by the start-by date")
                .contains("href=\"/cases/case-1/referrals/r1/end-of-service-report\"");
    }

    @Test
    void theCaseworkerReadsTheEndOfServiceReportOfTheCasesReferral() throws Exception {
        when(resettlement.get("case-1")).thenReturn(open(3));
        when(referrals.get("r1")).thenReturn(new ReferralApi.Referral("r1",
                new ReferralApi.PersonReference("A1234BC", null), "case-1", "ACCOMMODATION", "IN_HOUSE_HOUSING",
                "CLOSED", null, false, null, null, List.of(), null, null, List.of(),
                List.of("SETTLED_ACCOMMODATION"), true));
        when(referrals.endOfServiceReport("r1")).thenReturn(new ReferralApi.EndOfServiceReport(List.of(
                new ReferralApi.Achievement("SETTLED_ACCOMMODATION", "PARTIALLY_ACHIEVED", "Hostel for now")),
                "Moved into a hostel on release.", Map.of("name", "In-house housing referrals team"),
                Instant.parse("2026-12-01T10:00:00Z")));
        String page = mvc.perform(get("/cases/case-1/referrals/r1/end-of-service-report")
                .with(CaseworkerPagesTest.asha())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("End-of-service report").contains("Settled accommodation")
                .contains("Partly achieved").contains("Hostel for now").contains("Moved into a hostel on release.")
                .contains("In-house housing referrals team").contains("1 Dec 2026, 10:00");

        when(referrals.get("r2")).thenReturn(new ReferralApi.Referral("r2", null, "another-case", "ACCOMMODATION",
                null, "CLOSED", null, false, null, null, List.of(), null, null, List.of(), List.of(), true));
        assertThat(mvc.perform(get("/cases/case-1/referrals/r2/end-of-service-report")
                .with(CaseworkerPagesTest.asha())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aReceptionMayBeRecordedAsARecall() throws Exception {
        when(resettlement.receive(any(), any())).thenReturn(aCase(0, "SCREENING_DUE", null, null, null, null, true));
        String form = mvc.perform(get("/cases/new").with(CaseworkerPagesTest.asha())).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("Is this a recall? (optional)");
        MvcResult opened = mvc.perform(post("/cases").with(CaseworkerPagesTest.asha()).with(csrf())
                .param("prisonNumber", "a1234bc").param("prisonCode", "NMI").param("receivedOn-day", "20")
                .param("receivedOn-month", "11").param("receivedOn-year", "2026").param("sex", "MALE")
                .param("riskOfSeriousHarm", "LOW").param("recall", "true").param("formToken", "rc")).andReturn();
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
        verify(resettlement).receive(argThat(r -> Boolean.TRUE.equals(r.recall()) && "A1234BC".equals(r.prisonNumber())),
                eq("rc"));
    }

    @Test
    void aSupersededCaseLinksToTheCurrentOneAndOffersNoChanges() throws Exception {
        ResettlementApi.Case old = aCase(7, "SUPERSEDED", null, null, null, null, false);
        when(resettlement.get("case-1")).thenReturn(new ResettlementApi.Case(old.id(), old.version(),
                old.prisonNumber(), old.crn(), old.prisonCode(), old.status(), old.receivedOn(),
                old.expectedReleaseDate(), old.sex(), old.riskOfSeriousHarm(), old.responsibleOfficerCode(), null,
                null, null, null, null, null, null, false, null, null, null, null, "case-2"));
        when(resettlement.timeline("case-1")).thenReturn(List.of(new ResettlementApi.TimelineEntry(
                Instant.parse("2026-11-24T09:00:00Z"), "SUPERSEDED", null, "Case closed: a later reception on "
                        + "2026-11-24 opened case case-2", Map.of("supersededBy", "case-2"))));
        String page = mvc.perform(get("/cases/case-1").with(CaseworkerPagesTest.asha())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(">Superseded<").contains("href=\"/cases/case-2\"")
                .contains("Case closed: a later reception opened a new case")
                .doesNotContain("href=\"/cases/case-1/details\"").doesNotContain("Allocate to me")
                .doesNotContain("Record the release").doesNotContain("Record the screening");
        assertThat(mvc.perform(get("/cases/case-1/details").with(CaseworkerPagesTest.asha())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/cases/case-1");
    }
}
