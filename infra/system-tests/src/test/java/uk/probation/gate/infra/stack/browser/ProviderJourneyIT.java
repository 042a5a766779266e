package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Journey 5, a provider's referrals team (prov-in-house-housing): the inbox of its own referrals, a referral that a
 * completed plan sent it accepted, started and given an outcome from the accommodation outcomes, and another
 * declined with a reason, each through check your answers with a success banner. Another provider's referral is
 * Page not found. Data is set up through the APIs with the caseworker client; every step under test is in the
 * browser: on the desktop, 375 px wide, and with JavaScript off.
 */
class ProviderJourneyIT extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void acceptStartRecordTheOutcomeAndDecline(Variant variant) {
        ReferralSetup setup = new ReferralSetup();
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = setup.reception(prisonNumber, "NMI", "MALE");
        setup.completedPlan(caseId, List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK"));
        String accommodation = setup.sentReferral(prisonNumber, "ACCOMMODATION", "IN_HOUSE_HOUSING");
        String ingeus = setup.sentReferral(prisonNumber, "EDUCATION_SKILLS_AND_WORK", "INGEUS");
        String toDecline = Identifiers.prisonNumber();
        setup.manualReferral(toDecline, "ACCOMMODATION", "NMI");

        Browser team = signedIn("prov-in-house-housing", variant);
        assertThat(team.path()).as("a provider's first page is its inbox").startsWith("/referrals");
        assertThat(team.heading()).isEqualTo("Referrals");
        assertThat(team.text(By.tagName("header"))).contains("referrals team").contains("Sign out");
        assertThat(team.driver().findElement(By.id("navigation")).getAttribute("textContent").strip())
                .as("a provider sees only its own section").isEqualTo("Referrals");
        assertThat(team.text()).contains("New referrals").contains("In-house housing and welfare specialists");

        // the new referral from the plan: accept it
        openFromInbox(team, prisonNumber);
        assertThat(team.heading()).contains("Referral for " + prisonNumber).contains("Sent");
        assertThat(team.text(By.id("referral-details"))).contains("Accommodation").contains("HMP Nottingham");
        team.press("Accept");
        assertThat(team.heading()).isEqualTo("Check before you accept this referral");
        assertThat(team.text()).contains(prisonNumber).contains("Accommodation");
        team.press("Accept referral");
        assertThat(team.text(By.className("govuk-notification-banner--success"))).contains("Referral accepted");
        assertThat(team.heading()).contains("Accepted");
        assertThat(team.path()).isEqualTo("/referrals/" + accommodation);

        // start the work
        team.press("Start work");
        assertThat(team.heading()).isEqualTo("Check before you start the work");
        team.press("Start work");
        assertThat(team.text(By.className("govuk-notification-banner--success"))).contains("Work started");
        assertThat(team.heading()).contains("In progress");

        // the outcome: only the accommodation outcomes are offered; nothing chosen is an error at the field
        team.press("Record the outcome");
        assertThat(team.heading()).isEqualTo("What was the outcome?");
        assertThat(team.all(By.cssSelector(".govuk-radios__label")).stream().map(WebElement::getText).toList())
                .containsExactly("Settled accommodation secured", "Temporary accommodation secured", "Not secured");
        team.press("Continue");
        assertThat(team.text(By.className("govuk-error-summary"))).contains("Select the outcome");
        assertThat(team.has(By.id("outcome-error"))).isTrue();
        team.choose("Settled accommodation secured");
        team.press("Continue");
        assertThat(team.heading()).isEqualTo("Check the outcome before you record it");
        assertThat(oneLine(team.text(By.className("govuk-summary-list"))))
                .contains("Outcome Settled accommodation secured");
        team.press("Record outcome");
        assertThat(team.text(By.className("govuk-notification-banner--success")))
                .contains("Outcome recorded: Settled accommodation secured");
        assertThat(team.heading()).contains("Outcome recorded");
        assertThat(team.text(By.id("history"))).contains("Accepted").contains("In progress")
                .contains("Outcome recorded: Settled accommodation secured").contains("prov-in-house-housing");

        // back to the inbox, on the tab of closed referrals, which lists it
        team.click("Back");
        assertThat(team.heading()).isEqualTo("Referrals");
        assertThat(team.text()).contains("Closed referrals");
        assertThat(inboxHas(team, prisonNumber)).as("the closed tab lists the referral with its outcome").isTrue();
        assertThat(team.text(By.xpath("//table[@id='inbox']//tr[td/a[normalize-space()='" + prisonNumber + "']]")))
                .contains("Settled accommodation secured");

        // decline another with a reason: the reason is required, then check your answers
        team.click("New");
        openFromInbox(team, toDecline);
        team.press("Decline");
        assertThat(team.heading()).isEqualTo("Why are you declining this referral?");
        team.press("Continue");
        assertThat(team.text(By.className("govuk-error-summary"))).contains("Select why you are declining");
        team.choose("No capacity");
        team.press("Continue");
        assertThat(team.heading()).isEqualTo("Check before you decline this referral");
        assertThat(oneLine(team.text(By.className("govuk-summary-list")))).contains("Reason No capacity");
        team.press("Decline referral");
        assertThat(team.text(By.className("govuk-notification-banner--success")))
                .contains("Referral for " + toDecline + " declined");
        assertThat(inboxHas(team, toDecline)).as("a declined referral leaves the provider's inbox").isFalse();

        // another provider's referral, by its address: Page not found, and nothing of it shown
        team.open("/referrals/" + ingeus);
        assertThat(team.heading()).isEqualTo("Page not found");
        assertThat(team.text()).doesNotContain(prisonNumber);
        team.open("/referrals/" + ingeus + "/accept");
        assertThat(team.heading()).isEqualTo("Page not found");
    }

    @Test
    void anotherProvidersReferralIsNotFoundByItsAddress() {
        ReferralSetup setup = new ReferralSetup();
        String prisonNumber = Identifiers.prisonNumber();
        String housing = setup.manualReferral(prisonNumber, "ACCOMMODATION", "NMI");

        Browser ingeus = signedIn("prov-ingeus");
        assertThat(ingeus.path()).startsWith("/referrals");
        assertThat(ingeus.text()).doesNotContain(prisonNumber);
        ingeus.open("/referrals/" + housing);
        assertThat(ingeus.heading()).isEqualTo("Page not found");
        assertThat(ingeus.title()).startsWith("Page not found");
        assertThat(ingeus.text()).doesNotContain(prisonNumber);
        ingeus.open("/referrals/" + housing + "/outcome");
        assertThat(ingeus.heading()).isEqualTo("Page not found");
        ingeus.open("/admin/routing");
        assertThat(ingeus.heading()).as("a provider cannot open the admin pages").isNotEqualTo("Routing table");
    }

    /** Text with every run of white space as one space: a summary row reads the same on a phone and a desktop. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** Opens the person's referral from the inbox, paging on if it is not on the first page. */
    private static void openFromInbox(Browser browser, String person) {
        while (!browser.has(By.linkText(person)) && browser.has(By.cssSelector(".govuk-pagination__next a"))) {
            browser.press(By.cssSelector(".govuk-pagination__next a"));
        }
        browser.click(person);
    }

    private static boolean inboxHas(Browser browser, String person) {
        while (true) {
            if (browser.has(By.linkText(person))) {
                return true;
            }
            if (!browser.has(By.cssSelector(".govuk-pagination__next a"))) {
                return false;
            }
            browser.press(By.cssSelector(".govuk-pagination__next a"));
        }
    }
}
