package uk.probation.gate.resettlement.caseload.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.probation.gate.platform.web.ProblemResponses;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.resettlement.caseload.CaseChangedMeanwhile;
import uk.probation.gate.resettlement.domain.OutsideKnownBankHolidays;

/**
 * A save based on a stale read: 409 problem+json saying who changed the case and when, with {@code modifiedBy}
 * ({id, name}) and {@code modifiedAt} so a page can show it and keep what the user typed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseConflicts {

    /** A deadline past the bank holidays we know: 422 naming the date it was counted from, nothing recorded. */
    @ExceptionHandler(OutsideKnownBankHolidays.class)
    ResponseEntity<ProblemDetail> beyondBankHolidays(OutsideKnownBankHolidays e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable", e.getMessage(),
                        List.of(new ApiProblem.FieldError(e.field(), "is outside the bank holidays we know"))));
    }

    @ExceptionHandler(CaseChangedMeanwhile.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(CaseChangedMeanwhile e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), List.of());
        if (e.modifiedBy() != null) {
            Map<String, String> by = new LinkedHashMap<>();
            by.put("id", e.modifiedBy().id());
            by.put("name", e.modifiedBy().name());
            problem.setProperty("modifiedBy", by);
        }
        problem.setProperty("modifiedAt", e.modifiedAt());
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag("\"" + e.currentVersion() + "\"").body(problem);
    }
}
