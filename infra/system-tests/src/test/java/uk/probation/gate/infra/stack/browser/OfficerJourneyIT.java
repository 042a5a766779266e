package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/**
 * Issue 11, Rob Khan, responsible officer N01RO1 (ro-n01ro1), reads his people's referrals: the list (need,
 * provider, status, what is due), one referral with its history in plain words and desired outcomes, and the
 * end-of-service report the provider wrote on closing. A referral of another officer's person is neither listed
 * nor reachable by its URL (Page not found). The people and referrals are set up through the APIs. Desktop, 375 px
 * and without JavaScript.
 */
class OfficerJourneyIT extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void theOfficerReadsHisPeoplesReferralsAndAnEndOfServiceReportButNotAnotherOfficers(Variant variant) {
        OfficerSetup setup = new OfficerSetup();
        OfficerSetup.Person mine = setup.referred("N01RO1");
        setup.closedWithReport(mine.referralId(), "Tenancy signed on the day of release",
                "Met twice before release; settled on release.");
        OfficerSetup.Person waiting = setup.referred("N01RO1");
        OfficerSetup.Person theirs = setup.referred("N53RO1");

        Browser rob = signedIn("ro-n01ro1", variant);
        assertThat(rob.heading()).isEqualTo("Your people’s referrals");
        String list = rob.text(By.id("referrals"));
        assertThat(list).contains(waiting.prisonNumber()).contains(mine.prisonNumber())
                .doesNotContain(theirs.prisonNumber());
        assertThat(rowOf(rob, waiting.prisonNumber())).contains("Accommodation")
                .contains("In-house housing and welfare specialists").contains("Sent").contains("Respond by");

        rob.select("Status", "Closed").press("Filter");
        assertThat(rob.text(By.id("referrals"))).contains(mine.prisonNumber()).doesNotContain(waiting.prisonNumber());
        assertThat(rowOf(rob, mine.prisonNumber())).contains("Closed").contains("Nothing due");

        rob.click(mine.prisonNumber());
        assertThat(rob.heading()).contains("Referral for").contains(mine.crn()).contains("Closed");
        assertThat(rob.text(By.id("history"))).contains("Sent to In-house housing and welfare specialists")
                .contains("Accepted by In-house housing and welfare specialists")
                .contains("Outcome recorded by In-house housing and welfare specialists: Settled accommodation secured")
                .contains("Closed by In-house housing and welfare specialists").doesNotContain("OUTCOME_RECORDED");
        assertThat(rob.text(By.id("desired-outcomes"))).contains("Accommodation on release");

        rob.click("Read the end-of-service report");
        assertThat(rob.heading()).isEqualTo("End-of-service report");
        assertThat(rob.text(By.id("achievements"))).contains("Accommodation on release").contains("Achieved")
                .contains("Tenancy signed on the day of release");
        assertThat(rob.text(By.id("report-summary"))).contains("settled on release");

        rob.open("/officer/referrals/" + theirs.referralId());
        assertThat(rob.heading()).isEqualTo("Page not found");
        rob.open("/officer/referrals/" + theirs.referralId() + "/end-of-service-report");
        assertThat(rob.heading()).isEqualTo("Page not found");
    }

    private static String rowOf(Browser browser, String prisonNumber) {
        return browser.driver().findElement(By.xpath("//table[@id='referrals']//tr[.//a[contains(normalize-space(), '"
                + prisonNumber + "')]]")).getText();
    }
}
