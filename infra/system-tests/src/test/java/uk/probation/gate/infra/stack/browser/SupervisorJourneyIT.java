package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/**
 * Journey 4, the supervisor on a phone (Sam Reid, sup-derby, Derby): today's and yesterday's sessions, the roster as
 * cards, several people given the same outcome and time at once, check your answers, done: a whole group's
 * attendance in three pages. Enforceable outcomes are confirmed with a warning; a service issue is shown as not
 * counting against the person; one person's failed record keeps the others. The supervisor sees no order, project
 * or booking link.
 */
class SupervisorJourneyIT extends BrowserTest {

    static final String DERBY = "N53DER";
    static final String LEICESTER = "N53LEI";

    /** A project with today's session (seven people booked) and yesterday's. */
    record Day(String projectName, String today, String yesterday, List<String> crns, List<String> orders) {
    }

    private static Day sessionsFor(UnpaidWorkSetup setup, String area, int people) {
        String code = UnpaidWorkSetup.unique("SUP-");
        String name = "Canal towpath " + code.substring(4);
        setup.project(code, name, area);
        // the service's today (Europe/London): attendance is recorded only from a session's day
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String todays = setup.session(code, today, "08:00", "15:00", 2, 5);
        String yesterdays = setup.session(code, today.minusDays(1), "09:00", "13:00", 1, 5);
        List<String> crns = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String crn = UnpaidWorkSetup.crn();
            String order = setup.placedOrder(crn, area, code);
            setup.book(todays, order);
            crns.add(crn);
            orders.add(order);
        }
        return new Day(name, todays, yesterdays, crns, orders);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"NARROW", "NO_JAVASCRIPT"})
    void aWholeGroupsAttendanceInThreePages(Variant variant) {
        UnpaidWorkSetup setup = new UnpaidWorkSetup();
        Day day = sessionsFor(setup, DERBY, 7);
        List<String> crn = day.crns();

        Browser sam = signedIn("sup-derby", variant);
        assertThat(sam.path()).as("a supervisor's first page is their sessions").startsWith("/supervision/sessions");
        assertThat(sam.heading()).isEqualTo("Your sessions");
        assertThat(sam.text()).contains("Today, ").contains("Yesterday, ").contains(day.projectName());
        assertNoLinksBeyondAttendance(sam);

        // the whole group: roster, check your answers, done
        int before = sam.pagesSeen();
        sam.click(day.projectName() + ", 8am to 3pm");
        assertThat(sam.heading()).isEqualTo(day.projectName());
        assertThat(sam.all(By.className("app-roster-card"))).hasSize(7);
        assertThat(sam.all(By.xpath("//*[contains(@class,'app-roster-card')]//strong[normalize-space()='Not recorded']")))
                .hasSize(7);
        assertNoLinksBeyondAttendance(sam);
        sam.choose(crn.get(0)).choose(crn.get(1)).choose(crn.get(2));
        sam.choose("Attended and complied").fill("Hours", "6").fill("Minutes", "30");
        sam.press("Continue");
        assertThat(sam.heading()).isEqualTo("Check attendance before recording it");
        assertThat(sam.text(By.id("answers"))).contains("People (3)").contains(crn.get(0)).contains(crn.get(1))
                .contains(crn.get(2)).doesNotContain(crn.get(3)).contains("Attended and complied")
                .contains("6 hours 30 minutes each");
        assertThat(sam.has(By.id("enforceable-warning"))).isFalse();
        assertNoLinksBeyondAttendance(sam);
        sam.press("Confirm and record attendance");
        assertThat(sam.pagesSeen() - before).as("pages from the roster to done for the whole group").isEqualTo(3);
        assertThat(sam.text()).contains("Attendance recorded for 3 people");
        for (int i = 0; i < 3; i++) {
            assertThat(card(sam, crn.get(i))).contains("Attended and complied").contains("6 hours 30 minutes credited");
        }
        assertThat(card(sam, crn.get(3))).contains("Not recorded");

        // nothing chosen: the page says what is missing
        sam.press("Continue");
        assertThat(sam.text(By.className("govuk-error-summary"))).contains("Select the people to record attendance for")
                .contains("Select what happened");

        // one person at a time: an enforceable outcome is confirmed with a warning
        sam.choose(crn.get(3)).choose("Unacceptable absence").press("Continue");
        assertThat(sam.text(By.id("answers"))).contains("Person").contains(crn.get(3)).contains("Unacceptable absence")
                .contains("None: they did not work");
        assertThat(sam.text(By.id("enforceable-warning"))).contains("This outcome is enforceable")
                .contains("counts against the person");
        sam.press("Confirm enforceable outcome and record");
        assertThat(sam.text()).contains("Attendance recorded for 1 person");
        assertThat(card(sam, crn.get(3))).contains("Unacceptable absence");

        // sent home because of a service issue: shown as not counting against the person
        sam.choose(crn.get(4)).choose("Sent home, service issue");
        assertThat(sam.text()).contains("Does not count against the person");
        sam.press("Continue");
        assertThat(sam.has(By.id("enforceable-warning"))).isFalse();
        assertThat(sam.text(By.id("not-against-them"))).contains("does not count against the person");
        sam.press("Confirm and record attendance");
        assertThat(card(sam, crn.get(4))).contains("Sent home, service issue").contains("0 hours credited");

        // one record fails (someone else recorded that person meanwhile): the other is kept, the page says who and why
        sam.choose(crn.get(5)).choose(crn.get(6)).choose("Attended and complied").fill("Hours", "7").fill("Minutes", "0");
        sam.press("Continue");
        assertThat(setup.recordElsewhere(day.today(), day.orders().get(6), "ACCEPTABLE_ABSENCE", 0)).isEqualTo(201);
        sam.press("Confirm and record attendance");
        assertThat(sam.text()).contains("Attendance recorded for 1 person");
        assertThat(sam.text(By.className("govuk-error-summary")))
                .contains(crn.get(6) + " was not recorded: an outcome was already recorded for them")
                .doesNotContain(crn.get(5));
        assertThat(card(sam, crn.get(5))).contains("Attended and complied").contains("7 hours credited");
        assertThat(card(sam, crn.get(6))).contains("Acceptable absence");
        assertThat(sam.has(By.name("orderId"))).as("everyone booked now has an outcome").isFalse();
        assertNoLinksBeyondAttendance(sam);

        // a coordinator's page is not the supervisor's
        sam.open("/unpaid-work/orders");
        assertThat(sam.heading()).isEqualTo("You do not have access to this page");
    }

    /** Where a supervisor works: another area's session is "Page not found" and is not in their list. */
    @Test
    void aLeicesterSupervisorCannotReachADerbySessionByItsAddress() {
        UnpaidWorkSetup setup = new UnpaidWorkSetup();
        Day derby = sessionsFor(setup, DERBY, 1);
        Day leicester = sessionsFor(setup, LEICESTER, 1);

        Browser tess = signedIn("sup-leicester");
        assertThat(tess.text()).contains(leicester.projectName()).doesNotContain(derby.projectName());
        tess.open("/supervision/sessions/" + derby.today());
        assertThat(tess.heading()).isEqualTo("Page not found");
        assertThat(tess.text()).doesNotContain(derby.crns().get(0));
        tess.open("/supervision/sessions/" + derby.today() + "/check");
        assertThat(tess.heading()).isEqualTo("Page not found");
    }

    private static String card(Browser browser, String crn) {
        return browser.text(By.cssSelector(".app-roster-card[data-crn='" + crn + "']"));
    }

    private static void assertNoLinksBeyondAttendance(Browser browser) {
        assertThat(browser.all(By.cssSelector("main a[href*='/unpaid-work'], nav a[href*='/unpaid-work']")))
                .as("a supervisor sees no order, project or booking link").isEmpty();
    }
}
