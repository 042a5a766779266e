package uk.probation.gate.resettlement.caseload.web;

import uk.probation.gate.contracts.Identifiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.ResponsibleOfficers;

/** Cases opened from a prison movement have no community responsible officer until a caseworker names one. */
@RestController
class ResponsibleOfficerController {

    record Assignment(@NotBlank @Pattern(regexp = Identifiers.OFFICER_CODE,
            message = Identifiers.OFFICER_CODE_MESSAGE) String responsibleOfficerCode) {
    }

    private final ResponsibleOfficers officers;

    ResponsibleOfficerController(ResponsibleOfficers officers) {
        this.officers = officers;
    }

    /** Every later event on the case carries this code, so the officer is told. */
    @PutMapping("/api/cases/{caseId}/responsible-officer")
    ResponseEntity<CaseView> assign(@PathVariable String caseId, @Valid @RequestBody Assignment assignment,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ResettlementCase c = officers.assign(caseId, IfMatch.version(ifMatch), assignment.responsibleOfficerCode());
        return ResponseEntity.ok().eTag(CaseView.etag(c)).body(CaseView.of(c, Caller.current()));
    }
}
