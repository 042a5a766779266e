package uk.probation.gate.resettlement.caseload.web;

import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.resettlement.caseload.Allocations;
import uk.probation.gate.resettlement.caseload.CaseDetails;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** Completing or correcting a case's details, and who holds the case. */
@RestController
class CaseDetailsController {

    /** The full editable details: what is left out is cleared (recall left out is false). */
    record DetailsRequest(String crn, LocalDate expectedReleaseDate, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm,
            String responsibleOfficerCode, Boolean recall) {
    }

    record AllocationRequest(String caseworker) {
    }

    private final CaseDetails details;
    private final Allocations allocations;

    CaseDetailsController(CaseDetails details, Allocations allocations) {
        this.details = details;
        this.allocations = allocations;
    }

    @PutMapping("/api/cases/{caseId}/details")
    ResponseEntity<CaseView> update(@PathVariable String caseId, @RequestBody DetailsRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(details.update(caseId, IfMatch.version(ifMatch), new ResettlementCase.Details(request.crn(),
                request.expectedReleaseDate(), request.sex(), request.riskOfSeriousHarm(),
                request.responsibleOfficerCode(), Boolean.TRUE.equals(request.recall()))));
    }

    @PutMapping("/api/cases/{caseId}/allocation")
    ResponseEntity<CaseView> allocate(@PathVariable String caseId, @RequestBody AllocationRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(allocations.allocate(caseId, IfMatch.version(ifMatch), request.caseworker()));
    }

    @DeleteMapping("/api/cases/{caseId}/allocation")
    ResponseEntity<CaseView> deallocate(@PathVariable String caseId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(allocations.deallocate(caseId, IfMatch.version(ifMatch)));
    }

    static ResponseEntity<CaseView> view(ResettlementCase c) {
        return ResponseEntity.ok().eTag(CaseView.etag(c)).body(CaseView.of(c));
    }
}
