package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;

/**
 * Journey 7, the admin (Ada Morgan, admin): a routing rule changed (a refused value shown at the field; an edit made
 * stale by someone else's change says who and when and keeps what was typed), a recipient added (a refused e-mail
 * at the field) and changed, and a template edited with a preview of its placeholders (an unknown placeholder
 * refused at the field); the background work of every service. Whatever the journey changes in the shared stack is
 * put back through the APIs.
 */
class AdminJourneyIT extends BrowserTest {

    private static final String TEMPLATE = "resettlement.prisoner.released.en";

    @Test
    void routingTableRecipientsAndTemplates() {
        Http referral = api(StackComponent.REFERRAL);
        Http notifications = api(StackComponent.NOTIFICATIONS);
        String adminClient = token("admin");
        JsonNode tableBefore = referral.get("/api/routing-rules?size=200", adminClient).body().path("items");
        JsonNode templateBefore = notifications.get("/api/templates/" + TEMPLATE, adminClient).body();
        try {
            journey(referral, adminClient);
        } finally {
            Http.Response now = referral.get("/api/routing-rules?size=200", adminClient);
            referral.put("/api/routing-rules", adminClient, Map.of("rules", tableBefore),
                    now.headers().firstValue("ETag").orElse("*"));
            notifications.put("/api/templates/" + TEMPLATE, adminClient, Map.of(
                    "subject", templateBefore.path("subject").asString(), "body", templateBefore.path("body").asString()));
        }
    }

    /** Admin > Background work (issue #13): every service's job leases, outbox and dead letters, and a replay. */
    @Test
    void backgroundWorkOfAllFourServices() {
        Browser ada = signedIn("admin");
        ada.click("Background work");
        assertThat(ada.heading()).isEqualTo("Background work");
        for (String service : List.of("resettlement-service", "community-payback-service", "referral-service",
                "notifications-service")) {
            assertThat(ada.has(By.id(service + "-unanswered"))).as("%s answers", service).isFalse();
            assertThat(ada.text(By.id(service + "-leases"))).as(service)
                    .contains("Publishing waiting events (outbox sweep)");
            assertThat(ada.text(By.id(service + "-queues"))).as(service)
                    .contains("Records with events waiting to be published").contains("Dead letters waiting");
        }
        ada.press(By.id("notifications-service-replay"));
        assertThat(ada.path()).startsWith("/admin/background-work");
        assertThat(ada.text(By.className("govuk-notification-banner--success"))).containsPattern(
                "Replayed \\d+ dead letters? from \\S+");
    }

    private void journey(Http referral, String adminClient) {
        Browser ada = signedIn("admin");
        assertThat(ada.path()).as("an admin's first page is the routing table").isEqualTo("/admin/routing");
        assertThat(ada.heading()).isEqualTo("Routing table");
        assertThat(ada.text(By.tagName("header"))).contains("Ada Morgan");
        assertThat(ada.text(By.id("navigation"))).contains("Routing table").contains("Recipients")
                .contains("Templates").contains("Outcomes").doesNotContain("Caseload").doesNotContain("Referrals");

        // the finance and ID rule: a value the service refuses is shown at the field
        WebElement finance = ada.driver().findElement(By.xpath(
                "//table[@id='routing-rules']//tr[td[normalize-space()='Finance and ID']]"));
        assertThat(finance.getText()).contains("St Giles Trust");
        finance.findElement(By.cssSelector("a")).click();
        ada.check();
        assertThat(ada.heading()).startsWith("Change rule");
        assertThat(ada.text(By.id("rule-details"))).contains("Finance and ID");
        assertThat(new org.openqa.selenium.support.ui.Select(ada.field("Provider")).getFirstSelectedOption()
                .getText()).isEqualTo("St Giles Trust");
        ada.fill("Days to respond", "120");
        ada.press("Save rule");
        assertThat(ada.text(By.className("govuk-error-summary"))).contains("Days to respond must be between 0 and 90");
        assertThat(ada.has(By.id("responseDays-error"))).isTrue();
        assertThat(ada.value("Days to respond")).isEqualTo("120");

        // meanwhile someone else changes the table: the save is refused, says who and when, keeps what was typed
        Http.Response current = referral.get("/api/routing-rules?size=200", adminClient);
        assertThat(referral.put("/api/routing-rules", adminClient, Map.of("rules", current.body().path("items")),
                current.headers().firstValue("ETag").orElseThrow()).status()).isEqualTo(200);
        ada.fill("Days to respond", "12");
        ada.press("Save rule");
        assertThat(ada.text(By.id("conflict"))).contains("The routing table was changed by admin at")
                .contains("after you opened this page");
        assertThat(ada.text(By.id("latest-version"))).contains("Days to respond: 10");
        assertThat(ada.value("Days to respond")).as("what the admin typed is kept").isEqualTo("12");
        ada.press("Save rule");
        assertThat(ada.text(By.className("govuk-notification-banner--success"))).contains("changed")
                .contains("Finance and ID referrals anywhere now go to St Giles Trust").contains("12 days to respond");
        assertThat(ada.driver().findElement(By.xpath(
                "//table[@id='routing-rules']//tr[td[normalize-space()='Finance and ID']]")).getText()).contains("12");

        // the recipient directory: add one (a refused e-mail shown at the field), then change it
        ada.click("Recipients");
        assertThat(ada.heading()).isEqualTo("Recipients");
        assertThat(ada.text()).contains("Showing");
        String code = "N99ADM" + ThreadLocalRandom.current().nextInt(100, 1000);
        ada.press("Add a recipient");
        ada.fill("Code", code).choose("Responsible officer").fill("Email address", "not-an-address")
                .fill("Language", "cy");
        ada.press("Add recipient");
        assertThat(ada.text(By.className("govuk-error-summary")))
                .contains("Enter an email address in the correct format");
        assertThat(ada.has(By.id("email-error"))).isTrue();
        assertThat(ada.value("Code")).isEqualTo(code);
        ada.fill("Email address", code.toLowerCase() + "@probation.example");
        ada.press("Add recipient");
        assertThat(ada.text(By.className("govuk-notification-banner--success"))).contains("Recipient " + code + " added");
        assertThat(ada.text(By.id("recipient-details"))).contains("Responsible officer").contains("Welsh (cy)");
        ada.press("Change recipient");
        ada.fill("Quiet hours (optional)", "21:00-08:00");
        ada.press("Save recipient");
        assertThat(ada.text(By.className("govuk-notification-banner--success"))).contains("Recipient " + code + " changed");
        assertThat(ada.text(By.id("recipient-details"))).contains("21:00-08:00");

        // a template: its placeholders previewed; one its event cannot fill is refused at the field
        ada.click("Templates");
        assertThat(ada.heading()).isEqualTo("Templates");
        ada.click(TEMPLATE);
        assertThat(ada.heading()).isEqualTo("resettlement.prisoner.released");
        assertThat(ada.all(By.cssSelector("#placeholders code")).stream().map(WebElement::getText).toList())
                .contains("prisonNumber");
        assertThat(ada.has(By.cssSelector("#preview-subject mark.app-placeholder"))).isTrue();
        String subject = ada.value("Subject");
        ada.fill("Subject", subject + " {{shoeSize}}");
        ada.press("Save template");
        assertThat(ada.text(By.className("govuk-error-summary"))).contains("{{shoeSize}}");
        assertThat(ada.has(By.id("subject-error"))).isTrue();
        ada.fill("Subject", "Released: {{prisonNumber}}");
        ada.press("Preview");
        assertThat(ada.text(By.id("preview-heading"))).isEqualTo("Preview of your changes");
        assertThat(ada.all(By.cssSelector("#preview-subject mark")).stream().map(WebElement::getText).toList())
                .isEqualTo(List.of("{{prisonNumber}}"));
        ada.press("Save template");
        assertThat(ada.text(By.className("govuk-notification-banner--success")))
                .contains("Template " + TEMPLATE + " saved");
        assertThat(ada.text(By.id("templates"))).contains("Released: {{prisonNumber}}");
    }
}
