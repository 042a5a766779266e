package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Scoping through the browser: Bella Okafor (cw-foston, HMP Foston Hall, the women's prison) does not see a
 * Nottingham case on her worklist or caseload, and reaching it by its address is "Page not found", exactly like an
 * unknown case. Her own cases show the abuse-victim support task, which men's plans do not have.
 */
class CaseworkerScopingIT extends BrowserTest {

    @Test
    void aCaseworkerCannotReachAnotherPrisonsCase() {
        ResettlementSetup.OpenCase nottingham = ResettlementSetup.reception("NMI", "MALE", 6);
        ResettlementSetup.OpenCase foston = ResettlementSetup.reception("FHI", "FEMALE", 6);
        ResettlementSetup.awaitOnWorklist(nottingham, "NMI");
        ResettlementSetup.awaitOnWorklist(foston, "FHI");

        Browser bella = signedIn("cw-foston");
        assertThat(bella.text(By.tagName("header"))).contains("Bella Okafor");
        assertThat(bella.text(By.id("worklist"))).contains(foston.prisonNumber())
                .doesNotContain(nottingham.prisonNumber());
        assertThat(bella.text()).doesNotContain(nottingham.prisonNumber());

        bella.fill("Prison number", nottingham.prisonNumber()).press("Search");
        assertThat(bella.text(By.id("caseload-empty"))).contains("No cases match");

        bella.open("/cases/" + nottingham.caseId());
        assertThat(bella.heading()).isEqualTo("Page not found");
        assertThat(bella.title()).startsWith("Page not found");
        bella.open("/cases/" + nottingham.caseId() + "/plan/accommodation");
        assertThat(bella.heading()).isEqualTo("Page not found");
        for (String page : java.util.List.of("/details", "/allocation", "/screening", "/pre-release-review")) {
            bella.open("/cases/" + nottingham.caseId() + page);
            assertThat(bella.heading()).as(page).isEqualTo("Page not found");
            assertThat(bella.text()).doesNotContain(nottingham.prisonNumber());
        }
        bella.open("/cases/no-such-case");
        assertThat(bella.heading()).as("the same page as for an unknown case").isEqualTo("Page not found");

        bella.open("/cases/" + foston.caseId()).click("Work on the plan");
        assertThat(bella.text(By.id("plan-tasks"))).contains("Support for victims of abuse");
    }
}
