package uk.probation.gate.platform.sar;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.security.PersonIdentifiers;
import uk.probation.gate.platform.web.ApiProblem;

/**
 * The HMPPS subject access request endpoint (role SAR_DATA_ACCESS): 200 {@code {"content": {...}}} with everything
 * the service holds about the person, 204 when it holds nothing, 209 when it does not hold the identifier type it was
 * asked by. Each request is itself written to the audit trail (who asked, not what was answered).
 */
@RestController
public class SubjectAccessRequestController {

    /** HMPPS's own status for "this service does not hold that identifier type". */
    static final int IDENTIFIER_NOT_HELD = 209;

    private final SubjectAccessContent content;
    private final AuditTrail audit;

    public SubjectAccessRequestController(SubjectAccessContent content, AuditTrail audit) {
        this.content = content;
        this.audit = audit;
    }

    @GetMapping("/subject-access-request")
    public ResponseEntity<Map<String, Object>> subjectAccessRequest(@RequestParam(required = false) String prn,
            @RequestParam(required = false) String crn, @RequestParam(required = false) LocalDate fromDate,
            @RequestParam(required = false) LocalDate toDate) {
        prn = blankToNull(prn);
        crn = blankToNull(crn);
        if (prn == null && crn == null) {
            throw ApiProblem.invalid("prn", "give a prison number (prn) or a CRN (crn)");
        }
        if (prn != null && !PersonIdentifiers.PRISON_NUMBER.matcher(prn).matches()) {
            throw ApiProblem.invalid("prn", "must be a prison number like A1234BC");
        }
        if (crn != null && !PersonIdentifiers.CRN.matcher(crn).matches()) {
            throw ApiProblem.invalid("crn", "must be a CRN like X123456");
        }
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ApiProblem.invalid("toDate", "must not be before fromDate");
        }
        String heldPrn = content.holdsPrisonNumbers() ? prn : null;
        String heldCrn = content.holdsCrns() ? crn : null;
        if (heldPrn == null && heldCrn == null) {
            return ResponseEntity.status(IDENTIFIER_NOT_HELD).build();
        }
        Map<String, Object> held = content.content(heldPrn, heldCrn, fromDate, toDate);
        audit.record("subject_access_requests", heldPrn != null ? heldPrn : heldCrn, "read",
                held == null ? java.util.List.of() : held.keySet().stream().sorted().toList());
        if (held == null || held.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        }
        return ResponseEntity.ok(Map.of("content", held));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
