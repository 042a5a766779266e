package uk.probation.gate.resettlement.release.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.web.CaseView;
import uk.probation.gate.resettlement.caseload.web.IfMatch;
import uk.probation.gate.resettlement.domain.AccommodationOnRelease;
import uk.probation.gate.resettlement.domain.EteOnRelease;
import uk.probation.gate.resettlement.release.Releases;

@RestController
class ReleaseController {

    record ReleaseRequest(@NotNull LocalDate releasedOn, @NotNull AccommodationOnRelease accommodationOnRelease,
            @NotNull EteOnRelease eteOnRelease, @NotNull Boolean metAtGate) {
    }

    private final Releases releases;

    ReleaseController(Releases releases) {
        this.releases = releases;
    }

    @PostMapping("/api/cases/{caseId}/release")
    ResponseEntity<CaseView> release(@PathVariable String caseId, @Valid @RequestBody ReleaseRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ResettlementCase c = releases.record(caseId, IfMatch.version(ifMatch), new Releases.Outcome(request.releasedOn(),
                request.accommodationOnRelease(), request.eteOnRelease(), request.metAtGate()));
        return ResponseEntity.ok().eTag(CaseView.etag(c)).body(CaseView.of(c));
    }

}
