package uk.probation.gate.communitypayback.domain;

import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import java.util.List;

/** Who may be placed where: a high-risk person goes to supervised group work unless configured otherwise. */
public final class PlacementRules {

    private PlacementRules() {
    }

    public static boolean highRisk(RiskOfSeriousHarm risk) {
        return risk == RiskOfSeriousHarm.HIGH || risk == RiskOfSeriousHarm.VERY_HIGH;
    }

    public static List<Problem> check(Assessment assessment, RiskOfSeriousHarm risk, ProjectType type,
            boolean highRiskIndividualPlacementsAllowed) {
        if (assessment == null) {
            return List.of(new Problem("assessment", "the order must be assessed before placement"));
        }
        if (!assessment.riskOfHarmConsidered()) {
            return List.of(new Problem("assessment.riskOfHarmConsidered",
                    "risk of harm must be considered in the assessment before placement"));
        }
        if (type == ProjectType.INDIVIDUAL && highRisk(risk) && !highRiskIndividualPlacementsAllowed) {
            return List.of(new Problem("projectCode",
                    "a person assessed as " + risk + " risk of serious harm cannot work on an individual placement"));
        }
        return List.of();
    }
}
