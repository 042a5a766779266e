package uk.probation.gate.resettlement.caseload.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.resettlement.caseload.CaseStore;
import uk.probation.gate.resettlement.caseload.Receptions;

@RestController
class CaseController {

    private final Receptions receptions;
    private final CaseStore cases;

    CaseController(Receptions receptions, CaseStore cases) {
        this.receptions = receptions;
        this.cases = cases;
    }

    /**
     * A prisoner received: opens the case (201), or returns the case this reception already opened (200).
     * {@link Receptions#receive} decides whether the reception can be recorded (a resettlement prison, one of the
     * caller's, a sensible expected release date); its refusals answer 422 / 403 through the platform's handler.
     */
    @PostMapping("/api/cases")
    ResponseEntity<CaseView> receive(@Valid @RequestBody ReceptionRequest request) {
        Receptions.Opened opened = receptions.receive(request.toReception());
        if (opened.earlierThanOpenCase()) {
            // the open case's date only for a caller who may read that case (ADR 0006: no hint outside reach)
            String when = Caller.current().reachesPrison(opened.resettlementCase().getPrisonCode())
                    ? " on " + opened.resettlementCase().getReceivedOn() : "";
            throw new ApiProblem(HttpStatus.CONFLICT, "Conflict", "This person has an open case received later"
                    + when + "; an earlier reception cannot open another (one open case per person)",
                    List.of(new ApiProblem.FieldError("receivedOn", "is before the open case's reception" + when)));
        }
        if (!Caller.current().reachesPrison(opened.resettlementCase().getPrisonCode())) {
            // the same reception was recorded and has since moved to a prison outside the caller's
            throw ApiProblem.conflict("This reception is already recorded at another prison");
        }
        CaseView view = CaseView.of(opened.resettlementCase());
        return ResponseEntity.status(opened.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/cases/" + view.id())).eTag(CaseView.etag(opened.resettlementCase()))
                .body(view);
    }

    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseView> get(@PathVariable String caseId) {
        var found = cases.get(caseId);
        return ResponseEntity.ok().eTag(CaseView.etag(found)).body(CaseView.of(found));
    }
}
