package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * Data a caseworker journey needs but does not test, made through the services' APIs with the dev clients (the
 * {@code caseworker} client reaches every resettlement prison). Nothing here acts for the person under test.
 */
final class ResettlementSetup {

    record OpenCase(String caseId, String prisonNumber) {
    }

    private ResettlementSetup() {
    }

    /** A reception today at {@code prisonCode}, due out in {@code daysToRelease} days. */
    static OpenCase reception(String prisonCode, String sex, int daysToRelease) {
        String prisonNumber = Identifiers.prisonNumber();
        Map<String, Object> body = new HashMap<>(Map.of("prisonNumber", prisonNumber, "prisonCode", prisonCode,
                "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusDays(daysToRelease).toString(), "sex", sex,
                "riskOfSeriousHarm", "MEDIUM"));
        Http.Response opened = resettlement().post("/api/cases", BrowserTest.token("caseworker"), body);
        assertThat(opened.status()).as("reception set up: %s", opened.body()).isEqualTo(201);
        return new OpenCase(opened.field("id"), prisonNumber);
    }

    /** A reception today at {@code prisonCode} with only what HMPPS sends: no release date, CRN or officer. */
    static OpenCase receptionWithoutDetails(String prisonCode, String sex) {
        String prisonNumber = Identifiers.prisonNumber();
        Http.Response opened = resettlement().post("/api/cases", BrowserTest.token("caseworker"), Map.of(
                "prisonNumber", prisonNumber, "prisonCode", prisonCode, "receivedOn", LocalDate.now().toString(),
                "sex", sex, "riskOfSeriousHarm", "LOW"));
        assertThat(opened.status()).as("reception set up: %s", opened.body()).isEqualTo(201);
        return new OpenCase(opened.field("id"), prisonNumber);
    }

    /** A provider's name as the pages show it, from referral-service's list of providers. */
    static String providerName(String code) {
        Http referral = new Http(BrowserTest.stack().baseUrl(StackComponent.REFERRAL).toString());
        for (JsonNode provider : referral.get("/api/providers?size=100", BrowserTest.token("caseworker")).body()
                .get("items")) {
            if (code.equals(provider.get("code").asString())) {
                return provider.get("name").asString();
            }
        }
        return code;
    }

    /** A step a provider takes on its referral (acceptance, start, outcome), through its own dev client. */
    static void providerStep(String referralId, String providerCode, String step, Map<String, Object> body) {
        String client = "provider-" + providerCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Http http = new Http(BrowserTest.stack().baseUrl(StackComponent.REFERRAL).toString());
        Http.Response done = http.post("/api/referrals/" + referralId + "/" + step, BrowserTest.token(client), body);
        assertThat(done.status()).as("provider %s set up: %s", step, done.body()).isEqualTo(200);
    }

    /** Waits until referral-service has the person (from the reception event) on the release-readiness worklist. */
    static void awaitOnWorklist(OpenCase person, String prisonCode) {
        Http referral = new Http(BrowserTest.stack().baseUrl(StackComponent.REFERRAL).toString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(150)).until(() -> {
            JsonNode items = referral.get("/api/release-readiness?withinDays=14&size=100&prisonCode=" + prisonCode,
                    BrowserTest.token("caseworker")).body().get("items");
            for (JsonNode item : items) {
                if (person.prisonNumber().equals(item.get("prisonNumber").asString())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The referrals made from a case's plan, as referral-service holds them. */
    static JsonNode referralsFor(String caseId) {
        Http referral = new Http(BrowserTest.stack().baseUrl(StackComponent.REFERRAL).toString());
        return referral.get("/api/referrals?caseId=" + caseId, BrowserTest.token("admin")).body().get("items");
    }

    /** The provider a referral was sent to accepts it (through the provider's own dev client). */
    static void providerAccepts(JsonNode referral) {
        String provider = referral.get("providerCode").asString();
        String client = "provider-" + provider.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Http http = new Http(BrowserTest.stack().baseUrl(StackComponent.REFERRAL).toString());
        Http.Response accepted = http.post("/api/referrals/" + referral.get("id").asString() + "/acceptance",
                BrowserTest.token(client), Map.of());
        assertThat(accepted.status()).as("provider acceptance set up: %s", accepted.body()).isEqualTo(200);
    }

    private static Http resettlement() {
        return new Http(BrowserTest.stack().baseUrl(StackComponent.RESETTLEMENT).toString());
    }
}
