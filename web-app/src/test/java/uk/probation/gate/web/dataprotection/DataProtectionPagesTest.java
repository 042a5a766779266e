package uk.probation.gate.web.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.dataprotection.DataProtectionApi.AuditEntry;
import uk.probation.gate.web.dataprotection.DataProtectionApi.Policy;
import uk.probation.gate.web.dataprotection.DataProtectionApi.PurgeResult;
import uk.probation.gate.web.dataprotection.DataProtectionApi.SarAnswer;
import uk.probation.gate.web.api.Service;

/** The admin's audit trail, subject access request and retention pages over stubbed services. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DataProtectionPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DataProtectionApi api;

    static RequestPostProcessor admin() {
        return oidcLogin().idToken(token -> token.subject("admin").claim("name", "Ada Morgan")
                .claim("roles", List.of("ADMIN", "SAR_DATA_ACCESS")))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_SAR_DATA_ACCESS"));
    }

    static RequestPostProcessor adminWithoutSar() {
        return oidcLogin().idToken(token -> token.subject("admin2").claim("roles", List.of("ADMIN")))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static AuditEntry entry(String id, String at, String actor, String operation, String entity,
            String entityId, List<String> fields) {
        return new AuditEntry(id, Instant.parse(at), actor, "web-app", entity, entityId, "updated", operation, fields,
                List.of(), "corr-" + id);
    }

    private String page(String path, RequestPostProcessor who, String... params) throws Exception {
        var request = get(path).with(who);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    // --- audit trail

    @Test
    void theAuditTrailMergesTheServicesNewestFirstInUkTimeAndSaysWhichDidNotAnswer() throws Exception {
        when(api.audit(eq(Service.RESETTLEMENT), any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(
                new Page<>(List.of(entry("r2", "2026-07-01T09:14:00Z", "cw-nottingham", "PUT /api/cases/{caseId}/plan",
                        "cases", "case-1", List.of("plan", "status")),
                        entry("r1", "2026-06-30T08:00:00Z", "cw-nottingham", "POST /api/cases", "cases", "case-1",
                                List.of())), 0, 20, 2));
        when(api.audit(eq(Service.REFERRAL), any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(
                new Page<>(List.of(entry("f1", "2026-07-01T08:30:00Z", "prov-sova",
                        "POST /api/referrals/{referralId}/accept", "referrals", "ref-9", List.of("status"))), 0, 20, 1));
        when(api.audit(eq(Service.COMMUNITY_PAYBACK), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(Page.empty(20));
        when(api.audit(eq(Service.NOTIFICATIONS), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenThrow(new ServiceUnavailable("notifications-service answered 503"));

        String page = page("/admin/audit", admin());
        assertThat(page).contains("<h1 class=\"govuk-heading-l\">Audit trail</h1>")
                .contains("href=\"/admin/audit\"").contains("href=\"/admin/subject-access\"")
                .contains("href=\"/admin/retention\"");
        // newest first across services, in UK summer time
        assertThat(page.indexOf("1 Jul 2026, 10:14")).isPositive().isLessThan(page.indexOf("1 Jul 2026, 09:30"));
        assertThat(page.indexOf("1 Jul 2026, 09:30")).isLessThan(page.indexOf("30 Jun 2026, 09:00"));
        assertThat(page).contains("Change plan").contains("Record accept").contains("Create case")
                .contains("using web-app").contains("plan, status").contains("ref-9").contains("Referrals")
                .contains("Changes are missing from: Notifications.")
                .contains("Showing <b>1</b> to\n    <b>3</b> of <b>3</b> changes");
        // every service was asked for its newest page, without filters
        verify(api).audit(Service.RESETTLEMENT, null, null, null, null, 0, 20);
    }

    @Test
    void filtersGoToTheChosenServiceAndBadDatesAreShownInTheErrorSummary() throws Exception {
        when(api.audit(any(), any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(Page.empty(20));
        page("/admin/audit", admin(), "service", "referral-service", "actor", " cw-nottingham ", "entityId", "ref-9",
                "from-day", "1", "from-month", "11", "from-year", "2026", "to-day", "2", "to-month", "11",
                "to-year", "2026", "page", "3");
        // 1 November 00:00 and the end of 2 November, UK time (GMT in November)
        verify(api).audit(Service.REFERRAL, "ref-9", "cw-nottingham", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"), 2, 20);

        String bad = page("/admin/audit", admin(), "from-day", "31", "from-month", "2", "from-year", "2026");
        assertThat(bad).contains("govuk-error-summary").contains("href=\"#from-day\"")
                .contains("From must be a real date").contains("id=\"from-day-error\"").startsWith("<!DOCTYPE html>")
                .contains("<title>Error: Audit trail");
        String backwards = page("/admin/audit", admin(), "from-day", "2", "from-month", "11", "from-year", "2026",
                "to-day", "1", "to-month", "11", "to-year", "2026");
        assertThat(backwards).contains("href=\"#to-day\"").contains("To must be the same as or after from");
        verify(api, never()).audit(any(), any(), any(), eq(Instant.parse("2026-11-02T00:00:00Z")), any(), anyInt(),
                anyInt());
    }

    @Test
    void theSecondPageOfAllServicesIsCutFromTheirNewestFortyEach() throws Exception {
        for (Service service : Service.values()) {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                entries.add(entry(service.name() + i, Instant.parse("2026-11-20T12:00:00Z").minusSeconds(
                        60L * (i * 4 + service.ordinal())).toString(), "someone", "PUT /api/x/{id}", "x", "id" + i,
                        List.of("a")));
            }
            when(api.audit(service, null, null, null, null, 0, 40)).thenReturn(new Page<>(entries, 0, 40, 30 + 40));
        }
        String page = page("/admin/audit", admin(), "page", "2");
        assertThat(page).contains("Showing <b>21</b> to\n    <b>40</b> of <b>280</b> changes");
        // rows 21 to 40 of the merged list: minutes 20 to 39 before noon
        assertThat(page).contains("20 Nov 2026, 11:40").contains("20 Nov 2026, 11:21")
                .doesNotContain("20 Nov 2026, 11:41").doesNotContain("20 Nov 2026, 11:20");
    }

    @Test
    void operationsInWords() {
        assertThat(AuditPage.operationInWords("PUT /api/cases/{caseId}/plan", "updated")).isEqualTo("Change plan");
        assertThat(AuditPage.operationInWords("POST /api/referrals", "created")).isEqualTo("Create referral");
        assertThat(AuditPage.operationInWords("PUT /api/recipients/{code}", "updated")).isEqualTo("Change recipient");
        assertThat(AuditPage.operationInWords("DELETE /api/templates/{id}", "deleted")).isEqualTo("Delete template");
        assertThat(AuditPage.operationInWords("POST /api/sessions/{sessionId}/attendance", "created"))
                .isEqualTo("Record attendance");
        assertThat(AuditPage.operationInWords("event resettlement.prisoner.received", "created"))
                .isEqualTo("On event: resettlement prisoner received");
        assertThat(AuditPage.operationInWords("retention", "deleted")).isEqualTo("Retention purge");
        assertThat(AuditPage.operationInWords(null, "deleted")).isEqualTo("Deleted");
    }

    // --- subject access request

    private void sarAnswers() {
        JsonNode resettlement = JSON.readTree("""
                {"cases": [{"id": "case-1", "prisonNumber": "A1234BC", "crn": "X123456", "status": "PLAN_COMPLETED",
                  "releaseDate": "2026-12-01", "receivedAt": "2026-07-01T09:14:00Z", "recall": false,
                  "plan": {"accommodation": {"need": "NO_FIXED_ABODE", "notes": "Hostel place"}},
                  "needs": ["ACCOMMODATION", "FINANCE_AND_ID"],
                  "history": [{"step": "RECEIVED"}, {"step": "PLANNED"}]}],
                 "people": [{"prisonNumber": "A1234BC"}]}""");
        when(api.subjectAccess(eq(Service.RESETTLEMENT), eq("A1234BC"), isNull(), any(), any()))
                .thenReturn(new SarAnswer(200, resettlement));
        when(api.subjectAccess(eq(Service.COMMUNITY_PAYBACK), any(), any(), any(), any()))
                .thenReturn(new SarAnswer(209, null));
        when(api.subjectAccess(eq(Service.REFERRAL), any(), any(), any(), any())).thenReturn(new SarAnswer(204, null));
        when(api.subjectAccess(eq(Service.NOTIFICATIONS), any(), any(), any(), any()))
                .thenThrow(new ServiceUnavailable("notifications-service", new java.io.IOException("refused")));
    }

    @Test
    void aSubjectAccessReportShowsEachServiceAndItsRecordsAndDownloadsAsJson(CapturedOutput output) throws Exception {
        sarAnswers();
        MockHttpSession session = new MockHttpSession();
        assertThat(page("/admin/subject-access", admin())).contains("Subject access request")
                .contains("name=\"prn\"").contains("name=\"crn\"").doesNotContain("does not have the subject access");
        MockHttpServletResponse posted = mvc.perform(post("/admin/subject-access").with(admin()).with(csrf())
                .session(session).param("prn", " a1234bc ").param("from-day", "1").param("from-month", "1")
                .param("from-year", "2026")).andReturn().getResponse();
        String location = posted.getRedirectedUrl();
        assertThat(location).startsWith("/admin/subject-access/reports/").doesNotContain("A1234BC");
        verify(api).subjectAccess(Service.RESETTLEMENT, "A1234BC", null, LocalDate.of(2026, 1, 1), null);

        String report = mvc.perform(get(location).with(admin()).session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(report).contains("Subject access report").contains("A1234BC").contains("From 1 January 2026")
                .contains("Holds records: 2 records in 2 collections").contains("Holds nothing about this person")
                .contains("Does not hold that identifier type").contains("Did not answer")
                .contains("Case case-1").contains("Person 1").contains("People (1)").contains("Release date").contains("1 December 2026")
                .contains("1 Jul 2026, 10:14").contains("Plan completed").contains("No fixed abode")
                .contains("Hostel place").contains("Accommodation, Finance and id").contains("Planned")
                .contains("Download the report (JSON)").doesNotContain("PLAN_COMPLETED");

        MockHttpServletResponse download = mvc.perform(get(location + "/download").with(admin()).session(session))
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("subject-access-report-");
        assertThat(download.getContentType()).startsWith("application/json");
        JsonNode json = JSON.readTree(download.getContentAsString());
        assertThat(json.path("person").path("prn").asString()).isEqualTo("A1234BC");
        assertThat(json.path("person").path("crn").isNull()).isTrue();
        assertThat(json.path("fromDate").asString()).isEqualTo("2026-01-01");
        assertThat(json.path("generatedAt").asString()).isNotBlank();
        assertThat(json.path("services").path("resettlement-service").path("status").asString())
                .isEqualTo("HOLDS_RECORDS");
        assertThat(json.path("services").path("resettlement-service").path("content").path("cases").get(0)
                .path("status").asString()).isEqualTo("PLAN_COMPLETED");
        assertThat(json.path("services").path("community-payback-service").path("status").asString())
                .isEqualTo("IDENTIFIER_TYPE_NOT_HELD");
        assertThat(json.path("services").path("referral-service").path("status").asString()).isEqualTo("NOTHING_HELD");
        assertThat(json.path("services").path("notifications-service").path("status").asString())
                .isEqualTo("DID_NOT_ANSWER");

        // another session cannot open the report; the person's identifiers are not in the log
        assertThat(mvc.perform(get(location).with(admin())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(output.getAll()).doesNotContain("A1234BC").doesNotContain("a1234bc");
    }

    @Test
    void aBadIdentifierOrPeriodIsShownInTheErrorSummaryAndNoServiceIsAsked() throws Exception {
        String none = mvc.perform(post("/admin/subject-access").with(admin()).with(csrf())).andReturn().getResponse()
                .getContentAsString();
        assertThat(none).contains("govuk-error-summary").contains("href=\"#prn\"")
                .contains("Enter a prison number or a CRN, or both");
        String bad = mvc.perform(post("/admin/subject-access").with(admin()).with(csrf()).param("prn", "1234")
                .param("crn", "X12").param("from-day", "2").param("from-month", "3").param("from-year", "2026")
                .param("to-day", "1").param("to-month", "3").param("to-year", "2026")).andReturn().getResponse()
                .getContentAsString();
        assertThat(bad).contains("Enter a prison number in the correct format, like A1234BC")
                .contains("Enter a CRN in the correct format, like X123456").contains("href=\"#crn\"")
                .contains("href=\"#to-day\"").contains("id=\"prn-error\"").contains("value=\"1234\"");
        verify(api, never()).subjectAccess(any(), any(), any(), any(), any());
    }

    @Test
    void whatWasTypedBeforeATimeOutIsShownAgainAfterSigningIn() throws Exception {
        String page = mvc.perform(get("/admin/subject-access").with(admin())
                .requestAttr(uk.probation.gate.web.security.UnfinishedForms.RESTORED, true).param("crn", "X123456")
                .param("from-year", "2025")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("You were signed out").contains("value=\"X123456\"").contains("value=\"2025\"");
        assertThat(page("/admin/subject-access", admin(), "crn", "X123456")).doesNotContain("value=\"X123456\"");
    }

    @Test
    void anAdminWithoutTheSubjectAccessRoleIsToldPlainly() throws Exception {
        assertThat(page("/admin/subject-access", adminWithoutSar()))
                .contains("does not have the subject access role (SAR_DATA_ACCESS)")
                .doesNotContain("name=\"prn\"");
        mvc.perform(post("/admin/subject-access").with(adminWithoutSar()).with(csrf()).param("crn", "X123456"));
        verify(api, never()).subjectAccess(any(), any(), any(), any(), any());

        // a token the services refuse (403) is said in the report too
        when(api.subjectAccess(any(), any(), any(), any(), any())).thenThrow(new ApiProblem(403, "Forbidden", null,
                List.of(), Map.of()));
        MockHttpSession session = new MockHttpSession();
        String location = mvc.perform(post("/admin/subject-access").with(admin()).with(csrf()).session(session)
                .param("crn", "X123456")).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(location).with(admin()).session(session)).andReturn().getResponse()
                .getContentAsString()).contains("Every service refused: your account does not have the subject access role");
    }

    // --- retention

    @Test
    void retentionListsEachServicesPoliciesInWords() throws Exception {
        when(api.retention(Service.RESETTLEMENT)).thenReturn(List.of(
                new Policy("closed-cases", "Closed cases", "P7Y", Instant.parse("2026-11-27T10:00:00Z"), 2L, 15L),
                new Policy("idempotency-keys", "Idempotency records", "PT24H", null, null, null)));
        when(api.retention(Service.COMMUNITY_PAYBACK)).thenReturn(List.of(
                new Policy("finished-orders", "Finished orders", "P1Y6M", null, null, null)));
        when(api.retention(Service.REFERRAL)).thenReturn(List.of(
                new Policy("closed-referrals", "Closed referrals", "P30D", null, null, null)));
        when(api.retention(Service.NOTIFICATIONS)).thenThrow(new ServiceUnavailable("notifications-service answered 503"));
        String page = page("/admin/retention", admin());
        assertThat(page).contains("Retention").contains("Closed cases").contains("7 years").contains("24 hours")
                .contains("1 year and 6 months").contains("30 days").contains("27 Nov 2026, 10:00")
                .contains("Not run yet").contains(">15<").contains("This service did not answer")
                .contains("action=\"/admin/retention/resettlement-service/run\"").contains("name=\"_csrf\"")
                .contains("Run the purge now");
        assertThat(RetentionPage.periodInWords("PT720H")).isEqualTo("30 days");
        assertThat(RetentionPage.periodInWords("PT90M")).isEqualTo("1 hour and 30 minutes");
    }

    @Test
    void runningAPurgeShowsWhatWasDeletedAndARunningOneIsSaidSo() throws Exception {
        Map<String, Long> purged = new LinkedHashMap<>();
        purged.put("closed-cases", 2L);
        purged.put("idempotency-keys", 1L);
        when(api.runRetention(Service.RESETTLEMENT)).thenReturn(new PurgeResult(Instant.now(), purged));
        when(api.runRetention(Service.REFERRAL)).thenThrow(new ApiProblem(409, "Conflict", "already", List.of(),
                Map.of()));
        when(api.retention(any())).thenReturn(List.of());

        var done = mvc.perform(post("/admin/retention/resettlement-service/run").with(admin()).with(csrf()))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/retention#resettlement-service");
        String after = mvc.perform(get("/admin/retention").with(admin()).flashAttrs(done.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("govuk-notification-banner--success")
                .contains("Purge run in Resettlement: 3 records deleted")
                .contains("Deleted by each policy: closed cases 2, idempotency keys 1.")
                .doesNotContain("important-title");

        var busy = mvc.perform(post("/admin/retention/referral-service/run").with(admin()).with(csrf())).andReturn();
        String running = mvc.perform(get("/admin/retention").with(admin()).flashAttrs(busy.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(running).contains("A purge is already running in Referrals");

        // without the CSRF token nothing runs; an unknown service is not found
        assertThat(mvc.perform(post("/admin/retention/notifications-service/run").with(admin())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        verify(api, never()).runRetention(Service.NOTIFICATIONS);
        assertThat(mvc.perform(post("/admin/retention/nope/run").with(admin()).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void onlyAdminsOpenThesePages() throws Exception {
        RequestPostProcessor ops = oidcLogin().idToken(token -> token.subject("ops").claim("roles",
                List.of("OPS_VIEWER"))).authorities(new SimpleGrantedAuthority("ROLE_OPS_VIEWER"));
        for (String path : List.of("/admin/audit", "/admin/subject-access", "/admin/retention")) {
            assertThat(mvc.perform(get(path).with(ops)).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
    }
}
