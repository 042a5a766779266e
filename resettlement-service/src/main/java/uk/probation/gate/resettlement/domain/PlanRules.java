package uk.probation.gate.resettlement.domain;

import uk.probation.gate.contracts.reference.Sex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a plan acceptable as a draft, and what makes it complete. */
public final class PlanRules {

    /** A problem with a plan, naming the field as the API shows it. */
    public record Problem(String field, String message) {
    }

    private PlanRules() {
    }

    public static List<Pathway> pathwaysFor(Sex sex) {
        return Arrays.stream(Pathway.values()).filter(p -> p.appliesTo(sex)).toList();
    }

    /** A draft may be partial, but each pathway at most once, each applicable to the person, each with a status. */
    public static List<Problem> checkDraft(List<Need> needs, Sex sex) {
        List<Problem> problems = new ArrayList<>();
        Set<Pathway> seen = new HashSet<>();
        for (int i = 0; i < needs.size(); i++) {
            Need need = needs.get(i);
            if (need.pathway() == null) {
                problems.add(new Problem("needs[" + i + "].pathway", "is required"));
                continue;
            }
            if (!seen.add(need.pathway())) {
                problems.add(new Problem("needs[" + i + "].pathway", need.pathway() + " appears more than once"));
            }
            if (!need.pathway().appliesTo(sex)) {
                problems.add(new Problem("needs[" + i + "].pathway", need.pathway() + " applies to women only"));
            }
            if (need.status() == null) {
                problems.add(new Problem("needs[" + i + "].status", "is required"));
            }
        }
        return problems;
    }

    /** Complete means every applicable pathway has a status and the risk of harm is summarised. */
    public static List<Problem> checkComplete(List<Need> needs, String riskOfHarmSummary, Sex sex) {
        List<Problem> problems = new ArrayList<>(checkDraft(needs, sex));
        Set<Pathway> assessed = new HashSet<>();
        needs.stream().filter(n -> n.status() != null).forEach(n -> assessed.add(n.pathway()));
        for (Pathway pathway : pathwaysFor(sex)) {
            if (!assessed.contains(pathway)) {
                problems.add(new Problem("needs[" + pathway + "]", "has no status"));
            }
        }
        if (riskOfHarmSummary == null || riskOfHarmSummary.isBlank()) {
            problems.add(new Problem("riskOfHarmSummary", "is required to complete the plan"));
        }
        return problems;
    }
}
