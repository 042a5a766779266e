package uk.probation.gate.web.caseworker;

import java.util.ArrayList;
import java.util.List;
import uk.probation.gate.web.api.ResettlementApi;

/**
 * The plan as a task list: one task per pathway that applies to the person, then the risk of harm summary. A task
 * is done once it has a status (or a summary); the plan can be completed only when every task is done.
 */
public record PlanTasks(List<Task> tasks, boolean completed) {

    public record Task(String key, String slug, String status, String note, boolean done) {
    }

    static final String RISK_OF_HARM = "RISK_OF_HARM";

    static PlanTasks of(ResettlementApi.Case c) {
        ResettlementApi.Plan plan = c.plan();
        List<Task> tasks = new ArrayList<>();
        for (Pathways pathway : Pathways.forSex(c.sex())) {
            ResettlementApi.Need need = plan == null ? null : plan.needs().stream()
                    .filter(n -> pathway.name().equals(n.pathway())).findFirst().orElse(null);
            tasks.add(new Task(pathway.name(), pathway.slug(), need == null ? "NOT_STARTED" : need.status(),
                    need == null ? null : need.note(), need != null && need.status() != null));
        }
        String summary = plan == null ? null : plan.riskOfHarmSummary();
        boolean summaryDone = summary != null && !summary.isBlank();
        tasks.add(new Task(RISK_OF_HARM, "risk-of-harm", summaryDone ? "DONE" : "NOT_STARTED", summary,
                summaryDone));
        return new PlanTasks(tasks, plan != null && plan.completedOn() != null);
    }

    public boolean allDone() {
        return tasks.stream().allMatch(Task::done);
    }

    public List<Task> notDone() {
        return tasks.stream().filter(t -> !t.done()).toList();
    }

    public long doneCount() {
        return tasks.stream().filter(Task::done).count();
    }
}
