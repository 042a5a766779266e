package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Unfinished input survives a session time-out: the web session ends (its cookie is gone, as after 30 idle
 * minutes), the caseworker presses save, signs in again and finds the page with what they typed, not yet saved.
 */
class SessionTimeOutIT extends BrowserTest {

    @Test
    void whatWasTypedIsKeptThroughSigningInAgain() {
        ResettlementSetup.OpenCase person = ResettlementSetup.reception("NMI", "MALE", 60);
        Browser asha = signedIn("cw-nottingham", Variant.NO_JAVASCRIPT);
        asha.open("/cases/" + person.caseId() + "/plan/accommodation");
        asha.choose("Support required").fill("Note (optional)", "Typed before the session timed out");

        asha.driver().manage().deleteCookieNamed("GATE_SESSION");
        asha.press("Save and return to the plan");

        assertThat(asha.heading()).isEqualTo("Accommodation");
        assertThat(asha.text()).contains("You were signed out. We kept what you had typed");
        assertThat(asha.field("Support required").isSelected()).isTrue();
        assertThat(asha.value("Note (optional)")).isEqualTo("Typed before the session timed out");
        asha.press("Save and return to the plan");
        assertThat(asha.text()).contains("Accommodation saved");
        assertThat(asha.text(By.id("plan-tasks"))).containsPattern("Accommodation\\s+Support required");
    }
}
