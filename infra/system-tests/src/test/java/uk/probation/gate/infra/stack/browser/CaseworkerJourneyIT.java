package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Journey 1, as Asha Patel (cw-nottingham, HMP Nottingham): the release-readiness worklist above the caseload,
 * search, filters and sorting, a case opened from a reception form, the plan as a task list completed through
 * check your answers, the referrals and the one timeline on the case, the release recorded and its outcome shown.
 * Runs on a desktop, at 375 px wide and with JavaScript off.
 */
class CaseworkerJourneyIT extends BrowserTest {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final List<String> NOT_REQUIRED = List.of("Finance and ID", "Drugs and alcohol", "Health",
            "Children, families and community", "Attitudes, thinking and behaviour");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void fromTheWorklistToTheOutcomeOnTheCase(Variant variant) {
        ResettlementSetup.OpenCase dueSoon = ResettlementSetup.reception("NMI", "MALE", 5);
        ResettlementSetup.OpenCase elsewhere = ResettlementSetup.reception("LCI", "MALE", 4);
        ResettlementSetup.awaitOnWorklist(dueSoon, "NMI");
        ResettlementSetup.awaitOnWorklist(elsewhere, "LCI");

        Browser asha = signedIn("cw-nottingham", variant);

        // the first page: who is due out soon without accommodation or work secured, soonest first
        assertThat(asha.path()).startsWith("/caseload");
        assertThat(asha.heading()).isEqualTo("Caseload");
        String worklist = asha.text(By.id("worklist"));
        assertThat(worklist).contains(dueSoon.prisonNumber()).contains("No referral")
                .doesNotContain(elsewhere.prisonNumber());
        List<LocalDate> releases = new ArrayList<>();
        for (WebElement row : asha.all(By.cssSelector("#worklist tbody tr"))) {
            releases.add(LocalDate.parse(row.findElements(By.tagName("td")).get(1).getText().split("\n")[0], SHORT));
        }
        assertThat(releases).isSorted();
        assertThat(asha.driver().findElement(By.id("worklist")).getLocation().getY())
                .as("the worklist is above the caseload")
                .isLessThan(asha.driver().findElement(By.id("caseload-heading")).getLocation().getY());

        // the caseload: search by prison number, clear, sort with aria-sort
        asha.fill("Prison number", dueSoon.prisonNumber()).press("Search");
        assertThat(asha.all(By.cssSelector("#caseload tbody tr"))).hasSize(1);
        assertThat(asha.text(By.id("caseload"))).contains(dueSoon.prisonNumber()).contains("Screening due");
        assertThat(asha.text()).contains("Showing 1 to 1 of 1 cases");
        asha.click("Clear filters");
        assertThat(asha.value("Prison number")).isEmpty();
        assertThat(asha.text()).containsPattern("Showing 1 to \\d+ of \\d+ cases");
        assertThat(sortOf(asha, "Due by")).isEqualTo("ascending");
        asha.click("Prison number");
        assertThat(sortOf(asha, "Prison number")).isEqualTo("ascending");
        assertThat(sortOf(asha, "Due by")).isEqualTo("none");
        List<String> numbers = asha.all(By.cssSelector("#caseload tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(numbers).isSorted();
        asha.click("Prison number");
        assertThat(sortOf(asha, "Prison number")).isEqualTo("descending");

        // a case opened from a reception form: errors first, then the case
        asha.click("Record a reception");
        assertThat(asha.heading()).isEqualTo("Record a reception");
        asha.press("Open the case");
        assertThat(asha.title()).startsWith("Error: ");
        assertThat(asha.text(By.className("govuk-error-summary"))).contains("There is a problem")
                .contains("Enter a prison number").contains("Select the person's sex")
                .contains("Select the risk of serious harm");
        String prisonNumber = Identifiers.prisonNumber();
        asha.fill("Prison number", prisonNumber);
        LocalDate release = LocalDate.now().plusDays(10);
        asha.type("expectedReleaseDate-day", String.valueOf(release.getDayOfMonth()))
                .type("expectedReleaseDate-month", String.valueOf(release.getMonthValue()))
                .type("expectedReleaseDate-year", String.valueOf(release.getYear()));
        asha.choose("Male").choose("Medium").press("Open the case");
        assertThat(asha.text()).contains("Case opened for " + prisonNumber);
        assertThat(asha.heading()).contains(prisonNumber).contains("Screening due");
        String casePath = asha.path();
        String caseId = casePath.substring("/cases/".length());

        // the plan as a task list: completing is not offered until every task is done, and says what is left
        asha.click("Work on the plan");
        assertThat(asha.heading()).isEqualTo("Resettlement plan");
        assertThat(asha.text(By.id("plan-tasks"))).contains("Accommodation").contains("Not yet started")
                .doesNotContain("Support for victims of abuse");
        assertThat(asha.has(By.linkText("Check and complete the plan"))).isFalse();
        assertThat(asha.text(By.id("plan-not-ready"))).contains("You cannot complete the plan yet")
                .contains("Accommodation").contains("Health").contains("Risk of harm summary");
        task(asha, "Accommodation", "Support required", "Needs a hostel place near Nottingham");
        task(asha, "Education, skills and work", "Support required", "Wants to finish a CSCS card");
        for (String pathway : NOT_REQUIRED) {
            task(asha, pathway, "Support not required", null);
        }
        assertThat(asha.text(By.id("plan-not-ready"))).contains("Risk of harm summary").doesNotContain("Health");
        asha.click("Risk of harm summary").fill("Risk of harm summary", "Medium risk to a former partner; "
                + "no contact condition on licence.").press("Save and return to the plan");
        assertThat(asha.text()).contains("Risk of harm summary saved");
        assertThat(asha.has(By.id("plan-not-ready"))).isFalse();

        // check your answers, then complete: on time
        asha.press("Check and complete the plan");
        assertThat(asha.heading()).isEqualTo("Check the plan before you complete it");
        assertThat(asha.text()).contains("Support required. Needs a hostel place near Nottingham")
                .contains("Support not required").contains("Medium risk to a former partner");
        asha.press("Complete the plan");
        assertThat(asha.path()).isEqualTo(casePath);
        assertThat(asha.text()).contains("Plan completed on time");
        assertThat(asha.text(By.id("plan-completion"))).contains("On time");

        // referrals made from the plan, from referral-service; a provider answers one (set up through its API)
        await().atMost(Duration.ofSeconds(60)).until(() -> ResettlementSetup.referralsFor(caseId).size() >= 2);
        JsonNode accommodation = null;
        for (JsonNode referral : ResettlementSetup.referralsFor(caseId)) {
            if ("ACCOMMODATION".equals(referral.get("need").asString())) {
                accommodation = referral;
            }
        }
        assertThat(accommodation).as("an accommodation referral from the plan").isNotNull();
        ResettlementSetup.providerAccepts(accommodation);
        String provider = ResettlementSetup.providerName(accommodation.get("providerCode").asString());
        asha.reloadUntil(page -> page.has(By.id("referrals")) && page.text(By.id("referrals")).contains("Accepted")
                && page.text(By.id("timeline")).contains("accepted"), Duration.ofSeconds(60));
        String referrals = asha.text(By.id("referrals"));
        assertThat(referrals).contains("Accommodation").contains(provider).contains("Accepted")
                .contains("Education, skills and work");
        assertThat(asha.all(By.cssSelector("#referrals tbody tr"))).hasSize(2);
        String timeline = asha.text(By.id("timeline"));
        assertThat(timeline).contains("Received at NMI").containsPattern("Plan saved 8 times \\(up to version \\d+\\)")
                .contains("completed on time").contains("Referral for accommodation: sent")
                .contains("Referral for accommodation: accepted (" + provider + ")").contains("by Asha Patel");

        // the release, checked then recorded; the outcome on the case
        asha.press("Record the release");
        assertThat(asha.heading()).isEqualTo("Record the release");
        asha.choose("Settled accommodation").choose("Employment").choose("Yes").press("Continue");
        assertThat(asha.heading()).isEqualTo("Check the release before you record it");
        assertThat(asha.text()).contains("Settled accommodation").contains("Employment").contains("Met at the gate");
        asha.press("Record the release");
        assertThat(asha.path()).isEqualTo(casePath);
        assertThat(asha.text()).contains("Release recorded");
        assertThat(asha.heading()).contains("Released");
        assertThat(asha.text(By.id("release-outcome"))).contains("Settled accommodation").contains("Employment")
                .containsPattern("Met at the gate\\s+Yes");
        assertThat(asha.text(By.id("timeline"))).contains("Released on");
    }

    private static void task(Browser asha, String pathway, String status, String note) {
        asha.click(pathway);
        assertThat(asha.heading()).isEqualTo(pathway);
        asha.choose(status);
        if (note != null) {
            asha.fill("Note (optional)", note);
        }
        asha.press("Save and return to the plan");
        assertThat(asha.text()).contains(pathway + " saved");
        assertThat(asha.text(By.id("plan-tasks"))).containsPattern(pathway + "\\s+" + status);
    }

    private static String sortOf(Browser browser, String column) {
        return browser.driver().findElement(By.xpath("//table[@id='caseload']//th[a[normalize-space()='" + column
                + "']]")).getAttribute("aria-sort");
    }
}
