package uk.probation.gate.web.backgroundwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.BackgroundWork;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.Lease;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.Outbox;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.Replayed;
import uk.probation.gate.web.api.Service;

/** The admin's Background work page over stubbed services: leases, outbox, dead letters and their replay. */
@SpringBootTest
@AutoConfigureMockMvc
class BackgroundWorkPageTest {

    private static final String ONE = "4242@gate-1/8c1e4f2a-0000-4000-8000-000000000001";
    private static final String TWO = "5151@gate-2/19d0b7aa-0000-4000-8000-000000000002";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    BackgroundWorkApi api;

    static RequestPostProcessor admin() {
        return oidcLogin().idToken(token -> token.subject("admin").claim("name", "Ada Morgan")
                .claim("roles", List.of("ADMIN"))).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static BackgroundWork work(String service, String answeredBy, List<Lease> leases, long pending,
            long oldest, long deadLetters) {
        return new BackgroundWork(service, answeredBy, Instant.parse("2026-11-27T16:40:06Z"), leases,
                new Outbox(pending, oldest), deadLetters);
    }

    private static Lease lease(String name, String holder, String acquired, String expires, boolean held) {
        return new Lease(name, holder, Instant.parse(acquired), Instant.parse(expires), held);
    }

    @BeforeEach
    void services() {
        when(api.backgroundWork(Service.RESETTLEMENT)).thenReturn(work("resettlement-service", ONE, List.of(
                lease("dead-letter-replay", TWO, "2026-11-27T15:00:00Z", "2026-11-27T15:01:00Z", false),
                lease("outbox-sweep", ONE, "2026-11-27T16:40:05Z", "2026-11-27T16:40:35Z", true),
                lease("retention", TWO, "2026-11-27T16:00:00Z", "2026-11-27T16:45:00Z", true)), 3, 75, 2));
        when(api.backgroundWork(Service.COMMUNITY_PAYBACK)).thenReturn(work("community-payback-service", ONE,
                List.of(lease("attendance-recovery", ONE, "2026-11-27T16:40:00Z", "2026-11-27T16:41:00Z", true)), 0,
                0, 0));
        when(api.backgroundWork(Service.REFERRAL)).thenReturn(work("referral-service", TWO, List.of(
                lease("referral-escalation", TWO, "2026-11-27T16:39:00Z", "2026-11-27T16:44:00Z", true)), 0, 0, 0));
        when(api.backgroundWork(Service.NOTIFICATIONS)).thenReturn(work("notifications-service", ONE, List.of(), 0,
                0, 0));
    }

    private String page(MvcResult after) throws Exception {
        var request = get("/admin/background-work").with(admin());
        if (after != null) {
            request = request.flashAttrs(after.getFlashMap());
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void listsEachServicesLeasesOutboxAndDeadLettersInWords() throws Exception {
        String page = page(null);
        assertThat(page).contains("<h1 class=\"govuk-heading-l\">Background work</h1>")
                .contains("href=\"/admin/background-work\"").contains("href=\"/admin/retention\"")
                .contains("Resettlement").contains("Community payback").contains("Referrals").contains("Notifications");
        String resettlement = section(page, "resettlement-service");
        // in UK time (GMT in November), to the second; which instance holds what
        assertThat(resettlement).contains("Publishing waiting events (outbox sweep)").contains("Dead-letter replay")
                .contains("Retention purge").contains("27 Nov 2026, 16:40:05").contains("27 Nov 2026, 16:40:35")
                .contains("4242@gate-1 (8c1e4f2a)").contains("Last held by 5151@gate-2 (19d0b7aa)")
                .contains("the instance that answered").contains("Answered by instance");
        assertThat(row(resettlement, "outbox-sweep")).contains("Running").doesNotContain("Free")
                .contains("the instance that answered");
        assertThat(row(resettlement, "dead-letter-replay")).contains("Free").doesNotContain("Running");
        assertThat(row(resettlement, "retention")).contains("Running").contains("5151@gate-2")
                .doesNotContain("the instance that answered");
        assertThat(resettlement).containsPattern("Records with events waiting to be published</dt>\\s*<dd[^>]*>3<")
                .contains("1 minute and 15 seconds").containsPattern("Dead letters waiting</dt>\\s*<dd[^>]*>2<")
                .contains("action=\"/admin/background-work/resettlement-service/dead-letters/replay\"")
                .contains("name=\"_csrf\"").contains("Replay dead letters");
        assertThat(section(page, "community-payback-service")).contains("Attendance recovery")
                .contains("Nothing waiting");
        assertThat(section(page, "referral-service")).contains("Referral escalation");
        assertThat(section(page, "notifications-service")).contains("No job has taken a lease yet")
                .contains("Replay dead letters");
        assertThat(page).doesNotContain("is not answering").doesNotContain("govuk-error-summary");
    }

    @Test
    void aServiceThatDoesNotAnswerIsSaidSoAndTheOthersAreStillShown() throws Exception {
        when(api.backgroundWork(Service.REFERRAL)).thenThrow(new ServiceUnavailable("referral-service",
                new java.io.IOException("Connection refused")));
        when(api.backgroundWork(Service.NOTIFICATIONS)).thenThrow(new ApiProblem(403, "Forbidden", null, List.of(),
                Map.of()));
        var response = mvc.perform(get("/admin/background-work").with(admin())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(section(page, "referral-service")).contains("govuk-inset-text")
                .contains("Referrals is not answering").doesNotContain("Replay dead letters");
        assertThat(section(page, "notifications-service")).contains("govuk-inset-text")
                .contains("Notifications did not show its background work (it answered 403)");
        assertThat(section(page, "resettlement-service")).contains("Publishing waiting events (outbox sweep)")
                .doesNotContain("not answering");
    }

    @Test
    void replayingShowsHowManyDeadLettersWereReplayedFromWhichTopic() throws Exception {
        when(api.replayDeadLetters(Service.RESETTLEMENT)).thenReturn(new Replayed("resettlement-service.dlt", 2));
        when(api.replayDeadLetters(Service.REFERRAL)).thenReturn(new Replayed("referral-service.dlt", 1));

        MvcResult done = mvc.perform(post("/admin/background-work/resettlement-service/dead-letters/replay")
                .with(admin()).with(csrf())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/background-work#resettlement-service");
        verify(api).replayDeadLetters(Service.RESETTLEMENT);
        assertThat(page(done)).contains("govuk-notification-banner--success")
                .contains("Replayed 2 dead letters from resettlement-service.dlt").doesNotContain("govuk-error-summary");

        MvcResult one = mvc.perform(post("/admin/background-work/referral-service/dead-letters/replay")
                .with(admin()).with(csrf())).andReturn();
        assertThat(page(one)).contains("Replayed 1 dead letter from referral-service.dlt");

        // without the CSRF token nothing is replayed; an unknown service is not found
        assertThat(mvc.perform(post("/admin/background-work/notifications-service/dead-letters/replay")
                .with(admin())).andReturn().getResponse().getStatus()).isEqualTo(403);
        verify(api, never()).replayDeadLetters(Service.NOTIFICATIONS);
        assertThat(mvc.perform(post("/admin/background-work/nope/dead-letters/replay").with(admin()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aReplayRunningOnAnotherInstanceIsShownInTheErrorSummary() throws Exception {
        when(api.replayDeadLetters(Service.COMMUNITY_PAYBACK)).thenThrow(new ApiProblem(409, "Conflict",
                "A dead-letter replay is running on another instance; try again when it has finished", List.of(),
                Map.of()));
        when(api.replayDeadLetters(Service.NOTIFICATIONS)).thenThrow(new ServiceUnavailable(
                "notifications-service answered 503"));

        MvcResult busy = mvc.perform(post("/admin/background-work/community-payback-service/dead-letters/replay")
                .with(admin()).with(csrf())).andReturn();
        assertThat(busy.getResponse().getRedirectedUrl())
                .isEqualTo("/admin/background-work#community-payback-service");
        String page = page(busy);
        assertThat(page).contains("govuk-error-summary").contains("There is a problem")
                .contains("A dead-letter replay is running on another instance; try again when it has finished")
                .contains("href=\"#community-payback-service-replay\"")
                .contains("id=\"community-payback-service-replay\"").contains("<title>Error: Background work")
                .doesNotContain("govuk-notification-banner--success");

        MvcResult down = mvc.perform(post("/admin/background-work/notifications-service/dead-letters/replay")
                .with(admin()).with(csrf())).andReturn();
        assertThat(page(down)).contains("govuk-error-summary")
                .contains("Notifications is not answering: no dead letters were replayed");
        // the next visit shows no error
        assertThat(page(null)).doesNotContain("govuk-error-summary");
    }

    @Test
    void onlyAdminsOpenThePageOrReplay() throws Exception {
        RequestPostProcessor ops = oidcLogin().idToken(token -> token.subject("ops").claim("roles",
                List.of("OPS_VIEWER"))).authorities(new SimpleGrantedAuthority("ROLE_OPS_VIEWER"));
        assertThat(mvc.perform(get("/admin/background-work").with(ops)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/admin/background-work/resettlement-service/dead-letters/replay").with(ops)
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        verify(api, never()).backgroundWork(any());
        verify(api, never()).replayDeadLetters(any());
        assertThat(mvc.perform(get("/admin/retention").with(ops)).andReturn().getResponse().getContentAsString())
                .doesNotContain("/admin/background-work");
    }

    @Test
    void wordsForJobsInstancesAndAges() {
        assertThat(BackgroundWorkPage.jobInWords("nightly-check")).isEqualTo("Nightly check (nightly-check)");
        assertThat(BackgroundWorkPage.instance("4242@gate-1/8c1e4f2a-0000")).isEqualTo("4242@gate-1 (8c1e4f2a)");
        assertThat(BackgroundWorkPage.instance("plain")).isEqualTo("plain");
        assertThat(BackgroundWorkPage.age(0)).isEqualTo("Less than a second");
        assertThat(BackgroundWorkPage.age(1)).isEqualTo("1 second");
        assertThat(BackgroundWorkPage.age(7260)).isEqualTo("2 hours and 1 minute");
        assertThat(BackgroundWorkPage.age(90000)).isEqualTo("1 day and 1 hour");
    }

    @Test
    void readsTheServicesAnswersAsThePlatformWritesThem() {
        // the platform's BackgroundWorkController and DeadLetterController bodies, read with the app's own mapper
        BackgroundWork work = json.readValue("""
                {"service": "referral-service", "answeredBy": "4242@gate-1/8c1e4f2a", "at": "2026-11-27T16:40:06.123Z",
                 "leases": [{"name": "referral-escalation", "holder": "5151@gate-2/19d0b7aa",
                   "acquiredAt": "2026-11-27T16:39:00Z", "expiresAt": "2026-11-27T16:44:00Z", "held": true},
                   {"name": "retention", "holder": null, "acquiredAt": null, "expiresAt": null, "held": false}],
                 "outbox": {"pendingAggregates": 4, "oldestPendingSeconds": 12}, "deadLetters": 7,
                 "somethingNew": "ignored"}""", BackgroundWork.class);
        assertThat(work.answeredBy()).isEqualTo("4242@gate-1/8c1e4f2a");
        assertThat(work.at()).isEqualTo(Instant.parse("2026-11-27T16:40:06.123Z"));
        assertThat(work.leases()).containsExactly(
                lease("referral-escalation", "5151@gate-2/19d0b7aa", "2026-11-27T16:39:00Z", "2026-11-27T16:44:00Z",
                        true), new Lease("retention", null, null, null, false));
        assertThat(work.outbox()).isEqualTo(new Outbox(4, 12));
        assertThat(work.deadLetters()).isEqualTo(7);
        assertThat(json.readValue("{\"topic\": \"referral-service.dlt\", \"replayed\": 3}", Replayed.class))
                .isEqualTo(new Replayed("referral-service.dlt", 3));
        assertThat(BackgroundWorkPage.instance(null)).isEqualTo("Unknown");
    }

    /** The page's {@code <section id="...">} for one service. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String row(String section, String lease) {
        int start = section.indexOf("-lease-" + lease + "\"");
        assertThat(start).as("row " + lease).isNotNegative();
        return section.substring(start, section.indexOf("</tr>", start));
    }
}
