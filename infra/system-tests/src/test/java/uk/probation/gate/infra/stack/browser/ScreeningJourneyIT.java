package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 11's screening questions as versioned data, through the browser: Asha Patel records the immediate-needs
 * screening from the questions the service publishes (a required question left out is an error at it), the case
 * shows the answers; Ada Morgan (admin) publishes a new version with a question reworded; Asha's case still shows
 * the wording she answered, the past version is readable, and a new case is asked the new wording. Then the
 * pre-release review, due 12 weeks before release, is reached from the caseload and completed on time.
 */
class ScreeningJourneyIT extends BrowserTest {

    private static final String REWORDED_FROM = "Where were they living before custody?";
    private static final String REWORDED_TO = "Where did they live just before custody?";

    @Test
    void screeningAnswersKeepTheirVersionAndThePreReleaseReviewIsCompletedOnTime() {
        ResettlementSetup.OpenCase person = ResettlementSetup.reception("NMI", "MALE", 70);
        Browser asha = signedIn("cw-nottingham");
        asha.open("/cases/" + person.caseId());
        assertThat(asha.text()).contains("Immediate needs screening").contains("Not recorded yet");

        // the screening, built from the current questions: a required question left out is an error at it
        asha.press("Record the screening");
        assertThat(asha.heading()).isEqualTo("Immediate needs screening");
        assertThat(asha.text(By.id("questions-version"))).contains("Questions version 1");
        assertThat(asha.text()).contains(REWORDED_FROM).contains("No fixed abode").doesNotContain("NO_FIXED_ABODE");
        answerAll(asha, "Temporary accommodation", "answer-HAS_ID");
        asha.press("Record the screening");
        assertThat(asha.title()).startsWith("Error: ");
        assertThat(asha.text(By.className("govuk-error-summary"))).contains("Do they have photo identification?");
        assertThat(asha.has(By.id("answer-HAS_ID-error"))).isTrue();
        asha.choose("Do they have photo identification?", "Yes");
        asha.press("Record the screening");
        assertThat(asha.text()).contains("Immediate needs screening recorded");
        String answers = asha.text(By.id("screening-answers"));
        assertThat(answers).contains(REWORDED_FROM).contains("Temporary accommodation")
                .contains("Do they have photo identification?");
        assertThat(asha.text(By.id("screening-recorded"))).contains("by Asha Patel").contains("version 1");
        assertThat(asha.text(By.id("timeline"))).contains("Immediate needs screening recorded");

        // the admin rewords a question: a new version; the answers already given keep the old wording
        Browser ada = browser("admin", Variant.DESKTOP).signIn("admin");
        ada.click("Screening questions");
        assertThat(ada.heading()).isEqualTo("Screening questions");
        assertThat(ada.text(By.id("immediate-needs-version"))).contains("Version 1");
        ada.press(By.cssSelector("a[href='/admin/screening-questions/immediate-needs/new-version']"));
        assertThat(ada.heading()).isEqualTo("Publish a new version");
        ada.fill("Text of question 1", "");
        ada.press("Publish the new version");
        assertThat(ada.text(By.className("govuk-error-summary"))).contains("Enter the text of question 1");
        ada.fill("Text of question 1", REWORDED_TO).press("Publish the new version");
        assertThat(ada.text()).contains("Version 2 of the immediate needs screening questions published");
        assertThat(ada.text(By.id("immediate-needs-questions"))).contains(REWORDED_TO).doesNotContain(REWORDED_FROM);
        ada.click("Version 1");
        assertThat(ada.text()).contains("A past version, read-only").contains(REWORDED_FROM);

        asha.open("/cases/" + person.caseId());
        assertThat(asha.text(By.id("screening-answers"))).contains(REWORDED_FROM).doesNotContain(REWORDED_TO);
        ResettlementSetup.OpenCase next = ResettlementSetup.reception("NMI", "FEMALE", 200);
        asha.open("/cases/" + next.caseId() + "/screening");
        assertThat(asha.text(By.id("questions-version"))).contains("Questions version 2");
        assertThat(asha.text()).contains(REWORDED_TO);

        // the pre-release review: due now (release in 10 weeks), offered from the caseload once the plan is complete
        new ReferralSetup().completedPlan(person.caseId(), List.of());
        asha.open("/cases/" + person.caseId());
        assertThat(asha.text(By.id("review-status"))).contains("Due");
        asha.open("/caseload");
        asha.fill("Prison number", person.prisonNumber()).press("Search");
        assertThat(asha.text(By.id("caseload"))).contains("Pre-release review");
        asha.click("Pre-release review");
        assertThat(asha.heading()).isEqualTo("Pre-release review");
        answerAll(asha, "Settled accommodation", null);
        asha.press("Complete the review");
        assertThat(asha.text()).contains("Pre-release review completed");
        assertThat(asha.text(By.id("review-status"))).contains("Completed").contains("On time")
                .contains("by Asha Patel");
        assertThat(asha.text(By.id("review-answers"))).contains("Settled accommodation");
        asha.open("/caseload?prisonNumber=" + person.prisonNumber());
        assertThat(asha.has(By.linkText("Pre-release review"))).as("a completed review is no longer due").isFalse();
    }

    /** Answers every question on the form but {@code skip}: {@code choice} where offered, else "No"; text a line. */
    private static void answerAll(Browser browser, String choice, String skip) {
        for (WebElement group : browser.all(By.cssSelector("form .govuk-radios"))) {
            if (skip != null && !group.findElements(By.cssSelector("input[name='" + skip + "']")).isEmpty()) {
                continue;
            }
            List<WebElement> labels = group.findElements(By.cssSelector("label"));
            WebElement pick = labels.stream().filter(l -> l.getText().equals(choice)).findFirst()
                    .orElseGet(() -> labels.stream().filter(l -> l.getText().equals("No")).findFirst()
                            .orElse(labels.get(0)));
            pick.click();
        }
        for (WebElement text : browser.all(By.cssSelector("form textarea"))) {
            text.clear();
            text.sendKeys("Nothing else for now.");
        }
    }

}
