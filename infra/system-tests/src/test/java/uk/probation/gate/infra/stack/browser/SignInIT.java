package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The sign-in contract end to end: login page, the person's name in the header, their first page, sign-out. */
class SignInIT extends BrowserTest {

    @Test
    void aCaseworkerSignsInAndSeesTheWorklistThenSignsOut() {
        Browser asha = signedIn("cw-nottingham");

        assertThat(asha.path()).startsWith("/caseload");
        assertThat(asha.heading()).isEqualTo("Caseload");
        assertThat(asha.text()).contains("Due out within 14 days without accommodation or work secured");
        assertThat(asha.text(By.tagName("header"))).contains("Asha Patel").contains("Sign out");

        asha.open("/accessibility");
        assertThat(asha.heading()).isEqualTo("Accessibility statement for Through the Gate");

        asha.click("Sign out");
        assertThat(asha.heading()).isEqualTo("You have signed out");
        asha.open("/caseload");
        assertThat(asha.path()).as("signed out at the auth server too: the login page again").contains("/login");
    }
}
