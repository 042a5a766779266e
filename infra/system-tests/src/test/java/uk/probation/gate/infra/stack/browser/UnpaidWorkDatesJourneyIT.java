package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 11, unpaid work dates in the pages. Carl Evans (pc-derby) books a normal (not intensive) order on a third
 * day of one week: community-payback-service's refusal, naming the two-day limit, shows at the session choice and
 * the choice is kept; a session that has already happened is not offered. Sam Reid (sup-derby) opens a session still
 * to come: attendance is not offered, and the page says it can be recorded from the session's day. The project,
 * sessions, order and its first two bookings are set up through the API.
 */
class UnpaidWorkDatesJourneyIT extends BrowserTest {

    static final String DERBY = "N53DER";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variant.class, names = {"DESKTOP", "NO_JAVASCRIPT"})
    void aThirdDayInOneWeekForANormalOrderShowsTheLimitAtTheSession(Variant variant) {
        UnpaidWorkSetup setup = new UnpaidWorkSetup();
        String projectCode = UnpaidWorkSetup.unique("DER-WEEK-");
        setup.project(projectCode, "Canal towpath " + projectCode.substring(9), DERBY);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String past = setup.session(projectCode, today.minusDays(1), "09:00", "13:00", 1, 5);
        String first = setup.session(projectCode, monday, "09:00", "16:00", 1, 5);
        String second = setup.session(projectCode, monday.plusDays(1), "09:00", "16:00", 1, 5);
        String third = setup.session(projectCode, monday.plusDays(2), "09:00", "16:00", 1, 5);
        String crn = UnpaidWorkSetup.crn();
        String orderId = setup.placedOrder(crn, DERBY, projectCode);
        setup.book(first, orderId);
        setup.book(second, orderId);

        Browser carl = signedIn("pc-derby", variant);
        carl.open("/unpaid-work/orders/" + orderId + "/booking");
        assertThat(carl.heading()).isEqualTo("Which session should they come to?");
        assertThat(carl.has(By.cssSelector("input[name=sessionId][value='" + past + "']")))
                .as("a session that has already happened is not offered").isFalse();
        assertThat(carl.text(By.id("sessionId-hint"))).contains("a session that has already happened cannot be");
        pick(carl, third);
        carl.press("Book this session");
        assertThat(carl.title()).startsWith("Error: ");
        assertThat(carl.text(By.className("govuk-error-summary"))).contains("at most 2 days a week");
        assertThat(carl.text(By.id("sessionId-error"))).contains("not intensive").contains("at most 2 days a week");
        assertThat(carl.driver().findElement(By.cssSelector("input[name=sessionId][value='" + third + "']"))
                .isSelected()).as("the session chosen is kept").isTrue();

        Browser sam = browser("sup-derby", variant).signIn("sup-derby");
        sam.open("/supervision/sessions/" + first);
        assertThat(sam.text(By.id("too-early"))).contains("Attendance can be recorded from the day of the session");
        assertThat(sam.has(By.name("orderId"))).as("nobody can be ticked before the day").isFalse();
        assertThat(sam.text()).contains(crn).doesNotContain("What happened?");
    }

    private static void pick(Browser browser, String sessionId) {
        WebElement input = browser.driver().findElement(By.cssSelector("input[name=sessionId][value='" + sessionId
                + "']"));
        browser.driver().findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
    }
}
