package uk.probation.gate.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;

/** {@code GET /api/audit}: who changed what and when, newest first (ADMIN). */
@RestController
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * {@code from} and {@code to} are dates (a whole day, UTC) or date-times with an offset; {@code to} is exclusive
     * for a date-time and takes in the whole day for a date.
     */
    @GetMapping("/api/audit")
    public PageResponse<AuditEntry> audit(@RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        Instant since = instant("from", from, false);
        Instant until = instant("to", to, true);
        if (since != null && until != null && until.isBefore(since)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        return PageResponse.of(trail.find(entityId, actor, since, until, page, size));
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be a date (2026-11-27) or a date-time with an offset");
        }
    }
}
