package uk.probation.gate.infra.stack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web application's busiest pages, each asked for by its own signed-in person, one request after another (a
 * person at a desk, not a load test): the caseworker's caseload with the release-readiness worklist, the
 * coordinator's sessions, the supervisor's sessions roster, the provider's inbox.
 */
final class PageTimings {

    /** One page: who asks, and where. */
    record Page(String name, String username, String path) {
    }

    static final List<Page> PAGES = List.of(
            new Page("caseworker caseload + release-readiness worklist (cw-nottingham, NMI)", "cw-nottingham", "/caseload"),
            new Page("coordinator's sessions (pc-derby)", "pc-derby", "/unpaid-work/sessions"),
            new Page("supervisor's sessions roster (sup-derby)", "sup-derby", "/supervision/sessions"),
            new Page("provider's inbox (prov-in-house-housing)", "prov-in-house-housing", "/referrals"),
            new Page("provider's closed referrals, newest first (prov-in-house-housing)", "prov-in-house-housing",
                    "/referrals?tab=closed"));

    record Timing(Latencies latencies, int errors, String error) {
    }

    private final String webApp;
    private final String authServer;

    PageTimings(String webApp, String authServer) {
        this.webApp = webApp;
        this.authServer = authServer;
    }

    /** Up to {@code requests} per page, or fewer once {@code maxMillisPerPage} have passed on that page. */
    Map<Page, Timing> measure(int requests, long maxMillisPerPage) {
        Map<Page, Timing> timings = new LinkedHashMap<>();
        for (Page page : PAGES) {
            try {
                WebSession session = WebSession.signIn(webApp, authServer, page.username(), page.path());
                session.time(page.path());
                List<Long> millis = new ArrayList<>();
                int errors = 0;
                long stopAt = System.currentTimeMillis() + maxMillisPerPage;
                for (int i = 0; i < requests && System.currentTimeMillis() < stopAt; i++) {
                    long[] answer = session.time(page.path());
                    if (answer[0] == 200 && answer[2] == 1) {
                        millis.add(answer[1]);
                    } else {
                        errors++;
                    }
                }
                timings.put(page, new Timing(new Latencies(millis), errors, null));
            } catch (RuntimeException e) {
                timings.put(page, new Timing(new Latencies(List.of()), requests, e.getMessage()));
            }
        }
        return timings;
    }
}
