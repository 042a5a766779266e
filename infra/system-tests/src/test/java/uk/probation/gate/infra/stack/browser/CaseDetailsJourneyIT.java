package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/**
 * Issue 11, as Asha Patel (cw-nottingham): a case opened with only what HMPPS sends is completed from the case page
 * (a release date before the reception refused at the field, then CRN, release date, officer and recall saved; the
 * timeline says what changed in words), allocated to her and found under "My cases", given to Chris Doyle and
 * unallocated; and a stale change of the details says Chris changed the case first and keeps what she typed.
 */
class CaseDetailsJourneyIT extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void completeTheDetailsThenAllocateTheCase(Variant variant) {
        ResettlementSetup.OpenCase person = ResettlementSetup.receptionWithoutDetails("NMI", "MALE");
        Browser asha = signedIn("cw-nottingham", variant);
        asha.open("/cases/" + person.caseId());
        assertThat(asha.text(By.id("details"))).contains("Not known").contains("Not entered");
        assertThat(asha.has(By.id("recall-tag"))).isFalse();

        // the details: a release date before the reception is refused by the service, at the field
        asha.press(By.cssSelector("#details a[href='/cases/" + person.caseId() + "/details']"));
        assertThat(asha.heading()).isEqualTo("Change the details");
        LocalDate past = LocalDate.now().minusDays(30);
        date(asha, "expectedReleaseDate", past);
        asha.press("Save the details");
        assertThat(asha.title()).startsWith("Error: ");
        assertThat(asha.has(By.id("expectedReleaseDate-day-error"))).isTrue();

        LocalDate release = LocalDate.now().plusMonths(5);
        asha.fill("Case reference number (CRN)", "X123456");
        date(asha, "expectedReleaseDate", release);
        asha.choose("High").fill("Responsible officer code", "N01RO1").choose("Is this a recall?", "Yes");
        asha.press("Save the details");
        assertThat(asha.text()).contains("Details saved");
        assertThat(asha.path()).isEqualTo("/cases/" + person.caseId());
        assertThat(asha.has(By.id("recall-tag"))).isTrue();
        String details = asha.text(By.id("details"));
        assertThat(details).contains("X123456").contains("High").contains("N01RO1")
                .contains("Yes, recalled to prison").contains(String.valueOf(release.getYear()));
        assertThat(asha.text(By.id("timeline"))).contains("Details changed:").contains("expected release date")
                .contains("CRN").doesNotContain("expectedReleaseDate");

        // allocation: to me, found under My cases; to Chris Doyle; nobody, found under Unallocated
        assertThat(asha.text(By.id("held-by"))).contains("Not allocated");
        asha.press("Allocate to me");
        assertThat(asha.text()).contains("Case allocated to you");
        assertThat(asha.text(By.id("held-by"))).contains("Held by Asha Patel (you)");
        asha.open("/caseload");
        asha.fill("Prison number", person.prisonNumber()).choose("My cases").press("Search");
        assertThat(asha.text(By.id("caseload"))).contains(person.prisonNumber()).contains("Asha Patel (you)")
                .contains("Recall");
        asha.choose("Unallocated").press("Search");
        assertThat(asha.has(By.id("caseload"))).as("an allocated case is not unallocated").isFalse();

        asha.open("/cases/" + person.caseId());
        asha.press("Allocate to someone else");
        assertThat(asha.heading()).isEqualTo("Allocate to someone else");
        asha.press("Allocate the case");
        assertThat(asha.text(By.className("govuk-error-summary"))).contains("Enter the caseworker's user id");
        asha.fill("User id of the caseworker", "cw-nottingham2").press("Allocate the case");
        assertThat(asha.text()).contains("Case allocated to");
        assertThat(asha.text(By.id("held-by"))).contains("Held by").doesNotContain("(you)");
        asha.press("Unallocate");
        assertThat(asha.text()).contains("Case unallocated");
        assertThat(asha.text(By.id("timeline"))).contains("Allocated to cw-nottingham2")
                .contains("Unallocated (unallocated by hand)");
        asha.open("/caseload");
        asha.fill("Prison number", person.prisonNumber()).choose("Unallocated").press("Search");
        assertThat(asha.text(By.id("caseload"))).contains(person.prisonNumber()).contains("Nobody");
    }

    @Test
    void aStaleChangeOfTheDetailsSaysWhoChangedTheCaseAndKeepsWhatWasTyped() {
        ResettlementSetup.OpenCase person = ResettlementSetup.receptionWithoutDetails("NMI", "MALE");
        Browser asha = signedIn("cw-nottingham");
        Browser chris = browser("cw-nottingham2", Variant.DESKTOP).signIn("cw-nottingham2");
        asha.open("/cases/" + person.caseId() + "/details");
        chris.open("/cases/" + person.caseId() + "/details");

        chris.fill("Responsible officer code", "N01RO1").press("Save the details");
        assertThat(chris.text()).contains("Details saved");

        asha.fill("Case reference number (CRN)", "X765432").press("Save the details");
        assertThat(asha.heading()).isEqualTo("Change the details");
        assertThat(asha.text(By.id("conflict"))).contains("Chris Doyle changed this case")
                .contains("Your changes have not been saved");
        assertThat(asha.text(By.id("latest-details"))).contains("N01RO1");
        assertThat(asha.value("Case reference number (CRN)")).isEqualTo("X765432");
        asha.press("Save the details");
        assertThat(asha.text()).contains("Details saved");
        assertThat(asha.text(By.id("details"))).contains("X765432");
    }

    private static void date(Browser browser, String name, LocalDate date) {
        browser.type(name + "-day", String.valueOf(date.getDayOfMonth()))
                .type(name + "-month", String.valueOf(date.getMonthValue()))
                .type(name + "-year", String.valueOf(date.getYear()));
    }
}
