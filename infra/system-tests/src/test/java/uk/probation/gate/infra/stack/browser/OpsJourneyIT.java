package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Journey 6, the ops viewer (Olu Adeyemi, ops): the outcomes page with the headline figures by prison, area and sex,
 * each table downloaded as a real CSV file equal to the page, the Grafana dashboards linked, and no person
 * identifiers anywhere on it. Releases and an unpaid work order are set up through the APIs with the dev clients.
 */
class OpsJourneyIT extends BrowserTest {

    private static final List<String> TABLES = List.of("releases-by-prison", "releases-by-sex",
            "unpaid-work-by-area", "unpaid-work-by-sex");

    @Test
    void theOutcomesWithTheirCsvDownloadsAndDashboards() throws Exception {
        ReferralSetup setup = new ReferralSetup();
        String homeless = Identifiers.prisonNumber();
        setup.release(setup.reception(homeless, "NMI", "MALE"), "NO_FIXED_ABODE", "NONE");
        String housed = Identifiers.prisonNumber();
        setup.release(setup.reception(housed, "FHI", "FEMALE"), "SETTLED", "EMPLOYMENT");
        String crn = UnpaidWorkSetup.crn();
        new UnpaidWorkSetup().order(crn, "N53LEI");

        Browser olu = signedIn("ops");
        assertThat(olu.path()).as("an ops viewer's first page is the outcomes").isEqualTo("/outcomes");
        assertThat(olu.heading()).isEqualTo("Outcomes");
        assertThat(olu.text(By.tagName("header"))).contains("Olu Adeyemi");
        assertThat(olu.driver().findElement(By.id("navigation")).getAttribute("textContent").strip()
                .replaceAll("\\s+", " ")).as("an ops viewer is offered only the outcomes and provider performance")
                .isEqualTo("Outcomes Provider performance");

        // the headline figures, and the tables by prison and by sex, with what was just released in them
        assertThat(olu.text(By.id("headlines"))).contains("Homeless on release").contains("No work on release")
                .contains("Sent home by the service").contains("Positive completion").contains("target 90%");
        List<List<String>> byPrison = table(olu, "releases-by-prison");
        assertThat(byPrison.get(0)).containsExactly("Prison", "Released", "No fixed abode", "Homeless on release",
                "No work, education or training", "No work on release");
        assertThat(byPrison).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("HMP Nottingham"))
                .anySatisfy(row -> assertThat(row.get(0)).isEqualTo("HMP Foston Hall"));
        assertThat(table(olu, "releases-by-sex")).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("Female"));
        assertThat(table(olu, "unpaid-work-by-area")).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("Leicester"));
        assertThat(table(olu, "unpaid-work-by-area").get(0)).contains("Positive completion", "Target",
                "Sent-home share");

        // the page says what the services say
        JsonNode releases = api(StackComponent.RESETTLEMENT).get("/api/outcomes/releases?groupBy=prison",
                token("ops-viewer")).body();
        for (JsonNode group : releases.path("items")) {
            if ("NMI".equals(group.path("prisonCode").asString())) {
                List<String> nottingham = byPrison.stream().filter(row -> row.get(0).equals("HMP Nottingham"))
                        .findFirst().orElseThrow();
                assertThat(nottingham.get(1)).isEqualTo(String.valueOf(group.path("released").asLong()));
                assertThat(nottingham.get(2)).isEqualTo(String.valueOf(
                        group.path("accommodation").path("NO_FIXED_ABODE").asLong()));
            }
        }

        // each table downloads as a CSV file with the same figures as the page
        for (String id : TABLES) {
            WebElement link = olu.driver().findElement(By.cssSelector("a[href='/outcomes/" + id + ".csv']"));
            assertThat(link.getText()).startsWith("Download").endsWith("(CSV)");
            HttpResponse<String> csv = download(olu, link.getAttribute("href"));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                    .contains(id + ".csv");
            assertThat(parseCsv(csv.body())).as("the CSV of %s equals the table on the page", id)
                    .isEqualTo(table(olu, id));
        }

        // the dashboards, and nobody identified anywhere on the page
        List<String> dashboards = olu.all(By.cssSelector("#dashboards a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(dashboards).containsExactly("http://127.0.0.1:3000/d/ttg-resettlement",
                "http://127.0.0.1:3000/d/ttg-unpaid-work", "http://127.0.0.1:3000/d/ttg-referrals",
                "http://127.0.0.1:3000/d/ttg-platform");
        String page = olu.driver().getPageSource();
        assertThat(page).doesNotContain(homeless).doesNotContain(housed).doesNotContain(crn)
                .doesNotContainPattern("\\b[A-Z][0-9]{4}[A-Z]{2}\\b").doesNotContainPattern("\\b[A-Z][0-9]{6}\\b");

        // an ops viewer reaches no admin or provider page
        olu.open("/admin/routing");
        assertThat(olu.heading()).isNotEqualTo("Routing table");
    }

    @Test
    void providerPerformanceForAPeriodWithoutAnyoneIdentified() {
        ReferralSetup setup = new ReferralSetup();
        String prisonNumber = Identifiers.prisonNumber();
        String caseId = setup.reception(prisonNumber, "NMI", "MALE");
        setup.completedPlan(caseId, List.of("ACCOMMODATION"));
        String referral = setup.sentReferral(prisonNumber, "ACCOMMODATION", "IN_HOUSE_HOUSING");
        ResettlementSetup.providerStep(referral, "IN_HOUSE_HOUSING", "acceptance", java.util.Map.of());

        Browser olu = signedIn("ops");
        olu.click("Provider performance");
        assertThat(olu.heading()).isEqualTo("Provider performance");
        assertThat(olu.text(By.id("period"))).startsWith("From").contains(String.valueOf(
                java.time.LocalDate.now().getYear()));
        String housing = olu.text(By.id("provider-IN_HOUSE_HOUSING"));
        assertThat(housing).contains("Referrals received").contains("Accepted").contains("Median time to accept");
        long received = Long.parseLong(olu.text(By.xpath("//table[@id='provider-IN_HOUSE_HOUSING']"
                + "//tr[th[normalize-space()='Referrals received']]/td")));
        long accepted = Long.parseLong(olu.text(By.xpath("//table[@id='provider-IN_HOUSE_HOUSING']"
                + "//tr[th[normalize-space()='Accepted']]/td")));
        assertThat(received).isPositive();
        assertThat(accepted).isPositive();
        assertThat(olu.text()).contains("In-house housing and welfare specialists").doesNotContain("IN_HOUSE_HOUSING");
        assertThat(olu.driver().getPageSource()).doesNotContain(prisonNumber);

        // a period ending before it starts is an error at the field
        olu.type("from-day", "1").type("from-month", "12").type("from-year", "2026")
                .type("to-day", "1").type("to-month", "9").type("to-year", "2026");
        olu.press("Show the figures");
        assertThat(olu.title()).startsWith("Error: ");
        assertThat(olu.has(By.id("to-day-error"))).isTrue();

        // an admin is offered it too
        Browser ada = browser("admin", Variant.DESKTOP).signIn("admin");
        ada.click("Provider performance");
        assertThat(ada.heading()).isEqualTo("Provider performance");
    }

    /** The table as the page shows it: the header row, then each row's cells. */
    private static List<List<String>> table(Browser browser, String id) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(browser.all(By.cssSelector("#" + id + " thead th")).stream().map(WebElement::getText).toList());
        for (WebElement row : browser.all(By.cssSelector("#" + id + " tbody tr"))) {
            rows.add(row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    /** Fetches the file the link downloads, with the browser's own session cookie. */
    private static HttpResponse<String> download(Browser browser, String href) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return rows;
    }
}
