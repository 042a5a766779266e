package uk.probation.gate.resettlement.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.web.CaseView;
import uk.probation.gate.resettlement.caseload.web.IfMatch;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.NeedStatus;
import uk.probation.gate.resettlement.domain.Pathway;
import uk.probation.gate.resettlement.plan.ResettlementPlans;

@RestController
class PlanController {

    record NeedRequest(@NotNull Pathway pathway, @NotNull NeedStatus status, @Size(max = 2000) String note) {
    }

    record PlanRequest(@NotNull @Size(max = 8) List<@Valid @NotNull NeedRequest> needs,
            @Size(max = 4000) String riskOfHarmSummary) {
    }

    private final ResettlementPlans plans;

    PlanController(ResettlementPlans plans) {
        this.plans = plans;
    }

    /** Saves the draft plan. Send the case's ETag as If-Match so a colleague's save is not overwritten. */
    @PutMapping("/api/cases/{caseId}/plan")
    ResponseEntity<CaseView> saveDraft(@PathVariable String caseId, @Valid @RequestBody PlanRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        List<Need> needs = request.needs().stream().map(n -> new Need(n.pathway(), n.status(), n.note())).toList();
        return view(plans.saveDraft(caseId, IfMatch.version(ifMatch), needs, request.riskOfHarmSummary()));
    }

    @PostMapping("/api/cases/{caseId}/plan/completion")
    ResponseEntity<CaseView> complete(@PathVariable String caseId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(plans.complete(caseId, IfMatch.version(ifMatch)));
    }

    static ResponseEntity<CaseView> view(ResettlementCase c) {
        return ResponseEntity.ok().eTag(CaseView.etag(c)).body(CaseView.of(c));
    }

}
