package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/**
 * Journey 3, the placement coordinator (Carl Evans, pc-derby, Derby): an order from court through assessment,
 * placement and booking (a full session says so), the next 14 days of sessions with places booked and the sessions
 * at risk, and a stand-down that tells everyone booked. The journey creates its own project and session, so it runs
 * on an empty area. Signed in through the login page; every step in the browser.
 */
class CoordinatorJourneyIT extends BrowserTest {

    static final String DERBY = "N53DER";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DESKTOP", "NO_JAVASCRIPT"})
    void fromCourtOrderToBookingAndStandDown(Variant variant) {
        UnpaidWorkSetup setup = new UnpaidWorkSetup();
        String crn = UnpaidWorkSetup.crn();
        String projectCode = UnpaidWorkSetup.unique("DER-PARK-");
        String projectName = "Markeaton Park paths " + projectCode.substring(9);
        LocalDate tomorrow = LocalDate.now().plusDays(1);

        Browser carl = signedIn("pc-derby", variant);
        assertThat(carl.path()).as("a coordinator's first page is the orders list").startsWith("/unpaid-work/orders");
        assertThat(carl.heading()).isEqualTo("Unpaid work orders");
        assertThat(carl.text(By.tagName("header"))).contains("Carl Evans");

        // a new order from court: the service's problem+json shows at the field, then the order is received
        carl.press("Add an order");
        carl.fill("CRN", crn);
        LocalDate sentence = LocalDate.now().minusDays(3);
        carl.fill("Day", String.valueOf(sentence.getDayOfMonth())).fill("Month", String.valueOf(sentence.getMonthValue()))
                .fill("Year", String.valueOf(sentence.getYear()));
        carl.fill("Hours to work", "500").choose("Male").choose("Low").fill("Responsible officer code (optional)", "N53RO1");
        assertThat(carl.field("Derby").isSelected()).as("the coordinator's only area is chosen for them").isTrue();
        carl.press("Add order");
        assertThat(carl.text(By.className("govuk-error-summary"))).contains("Hours to work must be");
        assertThat(carl.has(By.cssSelector("#requiredHours-error"))).isTrue();
        assertThat(carl.value("CRN")).as("what was typed is kept").isEqualTo(crn);
        carl.fill("Hours to work", "40");
        carl.press("Add order");
        assertThat(carl.text()).contains("Order received for " + crn);
        assertThat(carl.heading()).contains(crn).contains("Awaiting assessment");
        String orderId = carl.path().substring("/unpaid-work/orders/".length());
        assertThat(flat(carl.text(By.id("hours")))).contains("Hours required 40 hours")
                .contains("Hours remaining 40 hours");

        // the assessment
        carl.press("Assess");
        for (String day : UnpaidWorkSetup.EVERY_DAY) {
            carl.choose(day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT));
        }
        carl.choose("High").choose("Yes").fill("Health and safety (optional)", "No work at height");
        carl.press("Save assessment");
        assertThat(carl.text()).contains("Assessment saved for " + crn);
        assertThat(carl.heading()).contains("Awaiting placement");
        assertThat(flat(carl.text(By.id("assessment")))).contains("No work at height")
                .contains("Motivation to comply High");

        // no project in an empty area yet: the coordinator adds one and its first session
        carl.press("Place on a project");
        assertThat(carl.heading()).isIn("Place on a project", "Which project should they work on?");
        carl.click("Projects");
        carl.press("Add a project");
        carl.fill("Project name", projectName).fill("Project code", projectCode).choose("Group project");
        carl.press("Add project");
        assertThat(carl.text()).contains("Project " + projectName + " added");
        assertThat(carl.heading()).isEqualTo("Add a session");
        carl.fill("Day", String.valueOf(tomorrow.getDayOfMonth())).fill("Month", String.valueOf(tomorrow.getMonthValue()))
                .fill("Year", String.valueOf(tomorrow.getYear()));
        carl.fill("Start time", "09:00").fill("End time", "16:00").fill("Supervisors", "1")
                .fill("Places per supervisor", "1");
        carl.press("Add session");
        assertThat(carl.text()).contains("Session added on " + tomorrow.format(DAY)).contains("Capacity 1: 1 supervisor taking 1 person each");
        String smallSession = carl.path().substring("/unpaid-work/sessions/".length());

        // placement on the suitable project, then the booking
        carl.click("Orders");
        carl.fill("Search by CRN", crn.toLowerCase(Locale.ROOT)).press("Apply filters");
        assertThat(carl.all(By.cssSelector("#orders tbody tr"))).hasSize(1);
        carl.click(crn);
        carl.press("Place on a project");
        carl.choose(projectName).press("Place on this project");
        assertThat(carl.text()).contains(crn + " placed on " + projectCode);
        assertThat(carl.heading()).contains("Placed");
        carl.press("Book a session");
        carl.choose(tomorrow.format(DAY) + ", 9am to 4pm").press("Book this session");
        assertThat(carl.text()).contains("Booked on " + projectName).contains("1 of 1 places on this session are now booked");

        // a second person on the same project: the first session is full and says so
        String otherCrn = UnpaidWorkSetup.crn();
        String otherOrder = setup.placedOrder(otherCrn, DERBY, projectCode);
        String biggerSession = setup.session(projectCode, tomorrow.plusDays(1), "10:00", "15:30", 2, 3);
        String unstaffed = setup.session(projectCode, tomorrow.plusDays(2), "09:00", "12:00", 0, 4);
        carl.open("/unpaid-work/orders/" + otherOrder);
        carl.press("Book a session");
        assertThat(carl.text(By.className("govuk-radios")))
                .contains("1 of 1 places booked").contains("Full").contains("this session is full");
        carl.choose(tomorrow.format(DAY) + ", 9am to 4pm").press("Book this session");
        assertThat(carl.text(By.className("govuk-error-summary"))).contains("This session is full");
        assertThat(carl.heading()).isEqualTo("Which session should they come to?");
        carl.choose(tomorrow.plusDays(1).format(DAY) + ", 10am to 3:30pm").press("Book this session");
        assertThat(carl.text()).contains("1 of 6 places on this session are now booked");
        setup.book(biggerSession, orderId);

        // the next 14 days: places booked against capacity, the session without a supervisor flagged
        carl.click("Sessions");
        assertThat(carl.heading()).isEqualTo("Sessions in the next 14 days");
        assertThat(row(carl, smallSession)).contains("1 of 1").contains("Full");
        assertThat(row(carl, biggerSession)).contains("2 of 6").contains("Places left");
        assertThat(row(carl, unstaffed)).contains("0 of 0").contains("At risk: no supervisor");
        assertThat(carl.text(By.id("sessions-at-risk"))).contains("at risk");

        // stand-down with a reason tells everyone booked, and says how many were told
        carl.press(By.cssSelector("tr[data-session-id='" + biggerSession + "'] a"));
        assertThat(carl.text(By.id("roster"))).contains(crn).contains(otherCrn);
        carl.press("Stand down this session");
        assertThat(carl.text(By.id("who-is-told"))).contains("The 2 people booked will be told not to come");
        carl.press("Stand down and tell everyone booked");
        assertThat(carl.text(By.className("govuk-error-summary"))).contains("Select why the session is stood down");
        carl.choose("Bad weather").press("Stand down and tell everyone booked");
        assertThat(carl.text()).contains("Session stood down").contains("The 2 people booked were told not to come.");
        assertThat(carl.heading()).contains("Stood down");
        assertThat(carl.text(By.id("session-summary"))).contains("Bad weather");
        carl.click("Sessions");
        assertThat(row(carl, biggerSession)).contains("Stood down");
    }

    /** The core list on a 375 px phone: search by CRN, filters with clear, paging. */
    @Test
    void theOrdersListOnAPhoneSearchesFiltersAndPages() {
        UnpaidWorkSetup setup = new UnpaidWorkSetup();
        String projectCode = UnpaidWorkSetup.unique("DER-LIST-");
        setup.project(projectCode, "Allotments " + projectCode, DERBY);
        String placedCrn = UnpaidWorkSetup.crn();
        setup.placedOrder(placedCrn, DERBY, projectCode);
        while (setup.ordersIn(DERBY) < 21) {
            setup.order(UnpaidWorkSetup.crn(), DERBY);
        }
        long total = setup.ordersIn(DERBY);

        Browser carl = signedIn("pc-derby", Variant.NARROW);
        assertThat(carl.heading()).isEqualTo("Unpaid work orders");
        assertThat(carl.text()).contains("Showing 1 to 20 of " + total + " orders");
        assertThat(carl.all(By.cssSelector("#orders tbody tr"))).hasSize(20);
        // on a phone each row is a card whose cells are labelled (the column headings are for screen readers)
        assertThat(carl.all(By.cssSelector("#orders td[data-label='Hours required']"))).hasSize(20);
        assertThat(carl.all(By.cssSelector("#orders td[data-label='Remaining']"))).hasSize(20);
        carl.click("Next");
        assertThat(carl.text()).contains("Showing 21 to " + Math.min(40, total) + " of " + total + " orders");

        carl.fill("Search by CRN", placedCrn).press("Apply filters");
        assertThat(carl.all(By.cssSelector("#orders tbody tr"))).hasSize(1);
        assertThat(carl.text(By.id("orders"))).contains(placedCrn).contains("Placed").contains("40 hours");
        carl.click("Clear filters");
        assertThat(carl.path()).isEqualTo("/unpaid-work/orders");
        assertThat(carl.value("Search by CRN")).isEmpty();

        carl.select("Status", "Placed").press("Apply filters");
        assertThat(carl.all(By.cssSelector("#orders tbody tr td[data-label='Status']")))
                .allSatisfy(cell -> assertThat(cell.getText()).contains("Placed"));
        carl.choose("Only overdue orders").press("Apply filters");
        assertThat(carl.text()).contains("No orders match these filters.");
        carl.click("Clear filters");
        assertThat(carl.text()).contains("Showing 1 to 20 of");
    }

    /** Where a coordinator works: another area's order is "Page not found", exactly like an unknown one. */
    @Test
    void aLeicesterCoordinatorCannotReachADerbyOrderByItsAddress() {
        UnpaidWorkSetup setup = new UnpaidWorkSetup();
        String crn = UnpaidWorkSetup.crn();
        String derbyOrder = setup.order(crn, DERBY);

        Browser dina = signedIn("pc-leicester");
        dina.open("/unpaid-work/orders/" + derbyOrder);
        assertThat(dina.heading()).isEqualTo("Page not found");
        assertThat(dina.text()).doesNotContain(crn);
        dina.open("/unpaid-work/orders/" + derbyOrder + "/assessment");
        assertThat(dina.heading()).isEqualTo("Page not found");
        dina.open("/unpaid-work/orders?crn=" + crn);
        assertThat(dina.text()).contains("No orders match these filters.");
    }

    /** Text with every run of white space as one space, whatever line breaks the layout puts in. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String row(Browser browser, String sessionId) {
        return browser.text(By.cssSelector("tr[data-session-id='" + sessionId + "']"));
    }
}
