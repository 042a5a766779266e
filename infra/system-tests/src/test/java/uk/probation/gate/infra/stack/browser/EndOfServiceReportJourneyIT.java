package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Issue 11, a provider's referrals team (prov-in-house-housing) closes a referral whose outcome it recorded: the
 * referral shows its start-by and outcome-by days and the desired outcomes; closing takes the end-of-service report
 * (each desired outcome achieved, partly or not, a note, a summary; one left unanswered is an error at it) through
 * check your answers; then Asha Patel, the caseworker, reads the report from the case's referrals. The referral's
 * earlier steps are set up through the provider's API client. Desktop, 375 px and without JavaScript.
 */
class EndOfServiceReportJourneyIT extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void theProviderClosesWithAReportAndTheCaseworkerReadsIt(Variant variant) {
        ReferralSetup setup = new ReferralSetup();
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = setup.reception(prisonNumber, "NMI", "MALE");
        setup.completedPlan(caseId, List.of("ACCOMMODATION"));
        String referral = setup.sentReferral(prisonNumber, "ACCOMMODATION", "IN_HOUSE_HOUSING");
        ResettlementSetup.providerStep(referral, "IN_HOUSE_HOUSING", "acceptance", Map.of());
        ResettlementSetup.providerStep(referral, "IN_HOUSE_HOUSING", "start", Map.of());
        ResettlementSetup.providerStep(referral, "IN_HOUSE_HOUSING", "outcome",
                Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED"));

        Browser team = signedIn("prov-in-house-housing", variant);
        team.open("/referrals/" + referral);
        assertThat(team.heading()).contains("Outcome recorded");
        String details = team.text(By.id("referral-details"));
        assertThat(details).contains("Start by").contains("Outcome by").contains("Desired outcomes")
                .contains("Accommodation on release").doesNotContain("ACCOMMODATION_ON_RELEASE");

        team.press("Close the referral");
        assertThat(team.heading()).isEqualTo("End-of-service report");
        team.choose("Was accommodation on release achieved?", "Achieved");
        team.press("Continue");
        assertThat(team.title()).startsWith("Error: ");
        assertThat(team.text(By.className("govuk-error-summary")))
                .contains("Select whether tenancy sustained was achieved");
        team.choose("Was tenancy sustained achieved?", "Partly achieved");
        team.fill("Note on tenancy sustained (optional)", "Hostel place for 12 weeks, then a tenancy is likely");
        team.fill("Summary (optional)", "Met twice before release and on the day; housed on release.");
        team.press("Continue");
        assertThat(team.heading()).isEqualTo("Check the end-of-service report before you close the referral");
        assertThat(team.text(By.className("govuk-summary-list"))).contains("Accommodation on release")
                .contains("Partly achieved. Hostel place for 12 weeks");
        team.press("Close the referral");
        assertThat(team.text(By.className("govuk-notification-banner--success"))).contains("Referral closed");
        assertThat(team.heading()).contains("Closed");
        assertThat(team.text(By.id("report"))).contains("Tenancy sustained").contains("Partly achieved")
                .contains("housed on release");
        assertThat(team.has(By.linkText("Close the referral"))).isFalse();

        // the caseworker reads it from the case's referrals
        Browser asha = browser("cw-nottingham", variant).signIn("cw-nottingham");
        asha.open("/cases/" + caseId);
        asha.reloadUntil(page -> page.has(By.partialLinkText("End-of-service report")), java.time.Duration.ofSeconds(30));
        asha.click("End-of-service report");
        assertThat(asha.heading()).isEqualTo("End-of-service report");
        assertThat(asha.text(By.id("achievements"))).contains("Accommodation on release").contains("Achieved")
                .contains("Tenancy sustained").contains("Partly achieved").contains("Hostel place for 12 weeks");
        assertThat(asha.text(By.id("report-summary"))).contains("housed on release");
        assertThat(asha.text()).contains("In-house housing and welfare specialists");
    }
}
