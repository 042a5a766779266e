package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Issue 12, the admin Ada Morgan (admin: ADMIN and SAR_DATA_ACCESS): finds a caseworker's change in the audit trail
 * by who made it, with the fields that changed; assembles a subject access report for a person from all four
 * services (each service's answer, the person's case and referral in it), downloads it as JSON, and a bad
 * identifier is shown in the error summary; reads every service's retention policies and runs a purge.
 */
class DataProtectionJourneyIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCaseworkersChangeIsFoundInTheAuditTrailByWhoMadeIt() {
        ResettlementSetup.OpenCase person = ResettlementSetup.receptionWithoutDetails("NMI", "MALE");
        Browser asha = signedIn("cw-nottingham");
        asha.open("/cases/" + person.caseId() + "/details");
        assertThat(asha.heading()).isEqualTo("Change the details");
        asha.fill("Case reference number (CRN)", Identifiers.crn());
        LocalDate release = LocalDate.now().plusMonths(4);
        asha.type("expectedReleaseDate-day", String.valueOf(release.getDayOfMonth()))
                .type("expectedReleaseDate-month", String.valueOf(release.getMonthValue()))
                .type("expectedReleaseDate-year", String.valueOf(release.getYear()));
        asha.press("Save the details");
        assertThat(asha.text()).contains("Details saved");

        Browser ada = browser("admin", Variant.DESKTOP).signIn("admin");
        assertThat(ada.text(By.id("navigation"))).contains("Audit trail").contains("Subject access request")
                .contains("Retention");
        ada.click("Audit trail");
        assertThat(ada.heading()).isEqualTo("Audit trail");
        ada.select("Service", "Resettlement").fill("User", "cw-nottingham").fill("Record id", person.caseId());
        ada.press("Show changes");
        String trail = ada.text(By.id("audit-trail"));
        assertThat(trail).contains("cw-nottingham").contains("Resettlement").contains(person.caseId())
                .contains("Change details").containsIgnoringCase("crn");
        List<WebElement> rows = ada.all(By.cssSelector("#audit-trail tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getText()).as("the newest change first: the details").contains("Change details");

        // all services together, filtered by the caseworker: her change is there; a bad date is at the field
        ada.select("Service", "All services").fill("Record id", "");
        ada.type("from-day", "31").type("from-month", "2").type("from-year", String.valueOf(LocalDate.now().getYear()));
        ada.press("Show changes");
        assertThat(ada.title()).startsWith("Error: ");
        assertThat(ada.text(By.className("govuk-error-summary"))).contains("From must be a real date");
        assertThat(ada.driver().findElement(By.cssSelector(".govuk-error-summary a")).getAttribute("href"))
                .endsWith("#from-day");
        LocalDate today = LocalDate.now();
        ada.type("from-day", String.valueOf(today.getDayOfMonth())).type("from-month",
                String.valueOf(today.getMonthValue())).type("from-year", String.valueOf(today.getYear()));
        ada.press("Show changes");
        assertThat(ada.has(By.id("unanswered"))).as("every service answered").isFalse();
        assertThat(ada.text(By.id("audit-trail"))).contains(person.caseId()).contains("cw-nottingham");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variant.class, names = {"DESKTOP", "NO_JAVASCRIPT"})
    void aSubjectAccessReportFromAllFourServices(Variant variant) throws Exception {
        ReferralSetup setup = new ReferralSetup();
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = setup.reception(prisonNumber, "NMI", "MALE");
        setup.completedPlan(caseId, List.of("ACCOMMODATION"));
        String[] referralId = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(150)).until(() -> {
            JsonNode referrals = ResettlementSetup.referralsFor(caseId);
            if (referrals != null && !referrals.isEmpty()) {
                referralId[0] = referrals.get(0).path("id").asString();
                return true;
            }
            return false;
        });

        Browser ada = signedIn("admin", variant);
        ada.click("Subject access request");
        assertThat(ada.heading()).isEqualTo("Subject access request");

        // a bad identifier: the error summary links to the field, nothing is asked
        ada.fill("Prison number", "A12");
        ada.press("Assemble the report");
        assertThat(ada.title()).startsWith("Error: ");
        assertThat(ada.text(By.className("govuk-error-summary")))
                .contains("Enter a prison number in the correct format, like A1234BC");
        assertThat(ada.driver().findElement(By.cssSelector(".govuk-error-summary a")).getAttribute("href"))
                .endsWith("#prn");
        assertThat(ada.has(By.id("prn-error"))).isTrue();

        ada.fill("Prison number", prisonNumber.toLowerCase(java.util.Locale.ROOT));
        ada.press("Assemble the report");
        assertThat(ada.heading()).isEqualTo("Subject access report");
        assertThat(ada.path()).as("no identifier in the address").doesNotContain(prisonNumber);
        assertThat(ada.text(By.id("report-person"))).contains(prisonNumber).contains("All dates");
        String summary = ada.text(By.id("report-summary"));
        assertThat(ada.text(By.id("summary-resettlement-service"))).contains("Holds records");
        assertThat(ada.text(By.id("summary-referral-service"))).contains("Holds records");
        assertThat(ada.text(By.id("summary-community-payback-service")))
                .containsAnyOf("Does not hold that identifier type", "Holds nothing about this person");
        assertThat(ada.text(By.id("summary-notifications-service")))
                .containsAnyOf("Holds records", "Holds nothing about this person", "Does not hold that identifier type");
        assertThat(summary).doesNotContain("Did not answer").doesNotContain("Refused");
        assertThat(ada.text(By.id("resettlement-service-content"))).contains(caseId).contains(prisonNumber);
        assertThat(ada.text(By.id("referral-service-content"))).contains(referralId[0]);

        // the download: the same report as JSON, as an attachment
        String href = ada.driver().findElement(By.id("download")).getAttribute("href");
        Cookie session = ada.driver().manage().getCookieNamed("GATE_SESSION");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "GATE_SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        JsonNode report = JSON.readTree(download.body());
        assertThat(report.path("person").path("prn").asString()).isEqualTo(prisonNumber);
        assertThat(report.path("generatedAt").asString()).isNotBlank();
        assertThat(report.path("services").path("resettlement-service").path("status").asString())
                .isEqualTo("HOLDS_RECORDS");
        assertThat(report.path("services").path("referral-service").path("status").asString())
                .isEqualTo("HOLDS_RECORDS");
        assertThat(report.path("services").path("resettlement-service").path("content").toString()).contains(caseId);
        assertThat(report.path("services").path("referral-service").path("content").toString())
                .contains(referralId[0]);
        assertThat(report.path("services").size()).isEqualTo(4);

        // nothing about the person in the web app's log
        assertThat(Files.readString(stack().logFile(StackComponent.WEB))).doesNotContain(prisonNumber);
    }

    @Test
    void retentionPoliciesOfAllFourServicesAndAPurgeRunNow() {
        Browser ada = signedIn("admin");
        ada.click("Retention");
        assertThat(ada.heading()).isEqualTo("Retention");
        for (String service : List.of("resettlement-service", "community-payback-service", "referral-service",
                "notifications-service")) {
            assertThat(ada.has(By.id(service + "-policies"))).as("%s lists its policies", service).isTrue();
            assertThat(ada.text(By.id(service + "-policies"))).as(service).contains("24 hours");
        }
        assertThat(ada.text(By.id("resettlement-service-policies"))).contains("years");
        ada.press(By.cssSelector("#notifications-service form button"));
        assertThat(ada.path()).startsWith("/admin/retention");
        assertThat(ada.text(By.className("govuk-notification-banner"))).contains("Purge run in Notifications")
                .contains("deleted");
        assertThat(ada.text(By.id("notifications-service-policies"))).doesNotContain("Not run yet");
    }
}
