package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * Journey 2: two people change the same plan. The one who saves second is told who changed it and when, sees the
 * latest version beside their own answer, keeps what they typed, and saves it over on purpose. A double click on
 * save never saves twice. Asha Patel and Chris Doyle both work at HMP Nottingham, each in a browser of their own.
 */
class PlanConflictIT extends BrowserTest {

    @Test
    void theSecondSaveIsToldWhoChangedThePlanAndKeepsWhatWasTyped() {
        ResettlementSetup.OpenCase person = ResettlementSetup.reception("NMI", "MALE", 60);
        Browser first = signedIn("cw-nottingham");
        Browser second = browser("second-caseworker", Variant.DESKTOP).signIn("cw-nottingham2");

        first.open("/cases/" + person.caseId() + "/plan/accommodation");
        second.open("/cases/" + person.caseId() + "/plan/accommodation");
        second.choose("Support not required").fill("Note (optional)", "Going back to family in Mansfield")
                .press("Save and return to the plan");
        assertThat(second.text()).contains("Accommodation saved");

        first.choose("Support required").fill("Note (optional)", "Needs a hostel place");
        first.press("Save and return to the plan");

        assertThat(first.heading()).isEqualTo("Accommodation");
        assertThat(first.text(By.id("conflict"))).containsPattern(
                "Chris Doyle changed this plan at \\d{1,2}:\\d{2}(am|pm) on \\d{1,2} \\w+ \\d{4}, after you opened this page")
                .contains("Your answer has not been saved");
        assertThat(first.text(By.id("latest-version"))).contains("Support not required")
                .contains("Going back to family in Mansfield");
        assertThat(first.field("Support required").isSelected()).as("what they chose is kept").isTrue();
        assertThat(first.value("Note (optional)")).isEqualTo("Needs a hostel place");

        first.press("Save and return to the plan");
        assertThat(first.text()).contains("Accommodation saved");
        assertThat(first.text(By.id("plan-tasks"))).containsPattern("Accommodation\\s+Support required");
    }

    @Test
    void aDoubleClickOnSaveSavesOnceEvenWithoutJavaScript() {
        ResettlementSetup.OpenCase person = ResettlementSetup.reception("NMI", "MALE", 60);
        Browser asha = signedIn("cw-nottingham", Variant.NO_JAVASCRIPT);
        asha.open("/cases/" + person.caseId() + "/plan/health").choose("Support required");
        asha.press("Save and return to the plan");
        int before = savesOnTheTimeline(asha, person);

        asha.open("/cases/" + person.caseId() + "/plan/health").choose("Support declined");
        asha.navigate(() -> new Actions(asha.driver()).doubleClick(asha.driver().findElement(
                By.xpath("//button[normalize-space()='Save and return to the plan']"))).perform());

        assertThat(asha.heading()).isEqualTo("Resettlement plan");
        assertThat(asha.text(By.id("plan-tasks"))).containsPattern("Health\\s+Support declined");
        assertThat(savesOnTheTimeline(asha, person)).as("one more save on the case's timeline").isEqualTo(before + 1);
    }

    private static int savesOnTheTimeline(Browser browser, ResettlementSetup.OpenCase person) {
        browser.open("/cases/" + person.caseId());
        // "Plan saved (version 1)", or a run of saves as "Plan saved 2 times (up to version 2)"
        Matcher saved = Pattern.compile("Plan saved.*version (\\d+)").matcher(browser.text(By.id("timeline")));
        int latest = 0;
        while (saved.find()) {
            latest = Math.max(latest, Integer.parseInt(saved.group(1)));
        }
        return latest;
    }
}
