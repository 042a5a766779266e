package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;

/**
 * Resettlement and referral data the provider and ops journeys need but do not themselves create, made through the
 * services' APIs with the dev clients' tokens (never through the pages under test).
 */
final class ReferralSetup {

    static final List<String> PATHWAYS = List.of("ACCOMMODATION", "EDUCATION_SKILLS_AND_WORK", "FINANCE_AND_ID",
            "DRUGS_AND_ALCOHOL", "HEALTH", "CHILDREN_FAMILIES_AND_COMMUNITY", "ATTITUDES_THINKING_AND_BEHAVIOUR");

    private final Http resettlement = BrowserTest.api(StackComponent.RESETTLEMENT);
    private final Http referral = BrowserTest.api(StackComponent.REFERRAL);
    private final String caseworker = BrowserTest.token("caseworker");

    /** A reception at the prison; the case id. */
    String reception(String prisonNumber, String prisonCode, String sex) {
        Http.Response opened = resettlement.post("/api/cases", caseworker, Map.of("prisonNumber", prisonNumber,
                "prisonCode", prisonCode, "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusMonths(3).toString(), "sex", sex,
                "riskOfSeriousHarm", "MEDIUM"));
        assertThat(opened.status()).as("reception set up: %s", opened.body()).isIn(200, 201);
        return opened.field("id");
    }

    /** A plan completed with these needs marked support required (the others not required). */
    void completedPlan(String caseId, List<String> supportRequired) {
        List<Map<String, Object>> needs = new ArrayList<>();
        for (String pathway : PATHWAYS) {
            needs.add(Map.of("pathway", pathway,
                    "status", supportRequired.contains(pathway) ? "SUPPORT_REQUIRED" : "SUPPORT_NOT_REQUIRED"));
        }
        Http.Response plan = resettlement.put("/api/cases/" + caseId + "/plan", caseworker,
                Map.of("needs", needs, "riskOfHarmSummary", "Assessed; no concerns for provider staff"));
        assertThat(plan.status()).as("plan set up: %s", plan.body()).isEqualTo(200);
        Http.Response completed = resettlement.post("/api/cases/" + caseId + "/plan/completion", caseworker, "");
        assertThat(completed.status()).as("plan completed: %s", completed.body()).isEqualTo(200);
    }

    /** A caseworker's manual referral for a need at the prison; the referral id. */
    String manualReferral(String prisonNumber, String need, String prisonCode) {
        Http.Response created = referral.post("/api/referrals", caseworker, Map.of(
                "personReference", Map.of("prisonNumber", prisonNumber), "need", need, "prisonCode", prisonCode,
                "sex", "MALE", "riskOfSeriousHarm", "LOW"));
        assertThat(created.status()).as("referral set up: %s", created.body()).isEqualTo(201);
        return created.field("id");
    }

    /** Waits until the plan's referral for this need has been sent to a provider; its id. */
    String sentReferral(String prisonNumber, String need, String providerCode) {
        String admin = BrowserTest.token("admin");
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(150)).until(() -> {
            JsonNode page = referral.get("/api/referrals?prisonNumber=" + prisonNumber + "&size=50", admin).body();
            for (JsonNode r : page.path("items")) {
                if (need.equals(r.path("need").asString()) && "SENT".equals(r.path("status").asString())
                        && providerCode.equals(r.path("providerCode").asString())) {
                    id[0] = r.path("id").asString();
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    /** A release recorded by the caseworker: where the person went to live and whether they went to work. */
    void release(String caseId, String accommodation, String ete) {
        Http.Response released = resettlement.post("/api/cases/" + caseId + "/release", caseworker, Map.of(
                "releasedOn", LocalDate.now().toString(), "accommodationOnRelease", accommodation,
                "eteOnRelease", ete, "metAtGate", false));
        assertThat(released.status()).as("release set up: %s", released.body()).isEqualTo(200);
    }
}
