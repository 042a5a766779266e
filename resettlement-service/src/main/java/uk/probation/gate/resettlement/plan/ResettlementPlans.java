package uk.probation.gate.resettlement.plan;

import uk.probation.gate.platform.metrics.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.resettlement.caseload.Actors;
import uk.probation.gate.resettlement.caseload.CaseStore;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.PlanRules;

/** Drafting and completing plans. Completion publishes the needs so providers can be referred automatically. */
@Service
public class ResettlementPlans {

    private final CaseStore cases;
    private final Events events;
    private final Deadlines deadlines;
    private final Clock clock;
    private final MeterRegistry meters;

    ResettlementPlans(CaseStore cases, Events events, Deadlines deadlines, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
        this.meters = meters;
    }

    public ResettlementCase saveDraft(String caseId, Long expectedVersion, List<Need> needs, String riskOfHarmSummary) {
        ResettlementCase c = openCase(caseId, expectedVersion);
        List<PlanRules.Problem> problems = PlanRules.checkDraft(needs, c.getSex());
        if (!problems.isEmpty()) {
            throw new RuleViolated("The plan cannot be saved", fieldErrors(problems));
        }
        c.saveDraft(needs, riskOfHarmSummary, clock.instant(), deadlines, Actors.current());
        return cases.saveChange(c, "the plan");
    }

    public ResettlementCase complete(String caseId, Long expectedVersion) {
        ResettlementCase c = openCase(caseId, expectedVersion);
        if (cases.alreadyApplied(c)) {
            return c;
        }
        if (c.getPlan() == null) {
            throw new RuleViolated("There is no plan to complete",
                    List.of(new Violation("needs", "no plan has been saved")));
        }
        List<PlanRules.Problem> missing = PlanRules.checkComplete(c.getPlan().needs(), c.getPlan().riskOfHarmSummary(),
                c.getSex());
        if (!missing.isEmpty()) {
            throw new RuleViolated("The plan is not complete", fieldErrors(missing));
        }
        LocalDate today = LocalDate.now(clock);
        ResettlementCase.Plan completed = c.completePlan(today, clock.instant(), deadlines, Actors.current(),
                events);
        ResettlementCase saved = cases.saveChange(c, "the plan");
        if (completed.version() == 1) {
            count(c, completed);
        }
        return saved;
    }

    private ResettlementCase openCase(String caseId, Long expectedVersion) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the plan");
        if (!c.isOpen()) {
            throw new Conflict("The case is " + c.getStatus() + "; its plan can no longer change");
        }
        return c;
    }

    private void count(ResettlementCase c, ResettlementCase.Plan plan) {
        String sex = Labels.known(String.valueOf(c.getSex()), uk.probation.gate.contracts.reference.Sex.class);
        Counter.builder("resettlement.plans.completed").description("First plans completed, on time or late")
                .tag("prison", Labels.prison(c.getPrisonCode())).tag("sex", sex)
                .tag("timeliness", plan.completedOnTime() ? "ON_TIME" : "LATE").register(meters).increment();
        for (Need need : plan.needs()) {
            Counter.builder("resettlement.needs.recorded").description("Needs in first completed plans")
                    .tag("prison", Labels.prison(c.getPrisonCode())).tag("sex", sex).tag("pathway", need.pathway().name())
                    .tag("status", need.status().name()).register(meters).increment();
        }
    }

    private static List<Violation> fieldErrors(List<PlanRules.Problem> problems) {
        return problems.stream().map(p -> new Violation(p.field(), p.message())).toList();
    }
}
