package uk.probation.gate.infra.stack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Identifiers;

/**
 * A responsible officer's people and their referrals, made through the services' APIs with the dev clients (the
 * caseworker's reception and plan, the housing provider's steps), never through the pages under test.
 */
final class OfficerSetup {

    /** A person received at HMP Nottingham under {@code officer}, whose plan's accommodation referral was sent. */
    record Person(String prisonNumber, String crn, String caseId, String referralId) {
    }

    private final ReferralSetup referrals = new ReferralSetup();
    private final Http resettlement = BrowserTest.api(StackComponent.RESETTLEMENT);
    private final Http referral = BrowserTest.api(StackComponent.REFERRAL);

    /** A reception at NMI with this responsible officer, a plan needing accommodation, its referral sent. */
    Person referred(String officer) {
        String prisonNumber = Identifiers.prisonNumber();
        String crn = Identifiers.crn();
        Http.Response opened = resettlement.post("/api/cases", BrowserTest.token("caseworker"), Map.of(
                "prisonNumber", prisonNumber, "prisonCode", "NMI", "receivedOn", LocalDate.now().toString(),
                "expectedReleaseDate", LocalDate.now().plusMonths(3).toString(), "sex", "MALE",
                "riskOfSeriousHarm", "MEDIUM", "crn", crn, "responsibleOfficerCode", officer));
        assertThat(opened.status()).as("reception set up: %s", opened.body()).isEqualTo(201);
        String caseId = opened.field("id");
        referrals.completedPlan(caseId, List.of("ACCOMMODATION"));
        String referralId = referrals.sentReferral(prisonNumber, "ACCOMMODATION", "IN_HOUSE_HOUSING");
        return new Person(prisonNumber, crn, caseId, referralId);
    }

    /**
     * The housing provider accepts, starts, records the outcome and closes with an end-of-service report: every
     * desired outcome achieved with {@code note}, and {@code summary}.
     */
    void closedWithReport(String referralId, String note, String summary) {
        String housing = BrowserTest.token("provider-in-house-housing");
        step(referralId, "acceptance", housing, Map.of());
        step(referralId, "start", housing, Map.of());
        step(referralId, "outcome", housing, Map.of("outcome", "SETTLED_ACCOMMODATION_SECURED"));
        List<Map<String, Object>> achievements = new ArrayList<>();
        referral.get("/api/referrals/" + referralId, housing).body().get("desiredOutcomes")
                .forEach(d -> achievements.add(Map.of("desiredOutcome", d.asString(), "achieved", "ACHIEVED",
                        "note", note)));
        step(referralId, "closure", housing, Map.of("endOfServiceReport",
                Map.of("achievements", achievements, "summary", summary)));
    }

    private void step(String referralId, String step, String token, Map<String, Object> body) {
        Http.Response done = referral.post("/api/referrals/" + referralId + "/" + step, token, body);
        assertThat(done.status()).as("provider %s set up: %s", step, done.body()).isEqualTo(200);
    }
}
