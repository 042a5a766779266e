package uk.probation.gate.referral.lifecycle.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.lifecycle.ProviderPerformance;
import uk.probation.gate.referral.routing.Provider;
import uk.probation.gate.referral.routing.Routing;

/** How each provider performs over a period: for OPS_VIEWER and ADMIN (figures only, never a person). */
@RestController
class ProviderPerformanceController {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;

    private final ProviderPerformance performance;
    private final Routing routing;
    private final Clock clock;

    ProviderPerformanceController(ProviderPerformance performance, Routing routing, Clock clock) {
        this.performance = performance;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * {@code from} and {@code to} are dates (both included; default the last 90 days to today); at most a year
     * apart, {@code from} not after {@code to}, else 422 naming the field. {@code providerCode} narrows to one known
     * provider (else 422 naming it).
     */
    @GetMapping("/api/provider-performance")
    PageResponse<ProviderPerformance.Item> performance(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String providerCode,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS) : date("from", from);
        if (start.isAfter(end)) {
            throw unprocessable("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw unprocessable("to", "must be at most " + MAX_DAYS + " days after from");
        }
        List<Provider> providers;
        if (providerCode != null && !providerCode.isBlank()) {
            providers = List.of(routing.provider(providerCode)
                    .orElseThrow(() -> unprocessable("providerCode", "is not a known provider")));
        } else {
            providers = new ArrayList<>(routing.providers());
        }
        int fromIndex = Math.min(providers.size(), page * size);
        int toIndex = Math.min(providers.size(), fromIndex + size);
        return new PageResponse<>(performance.of(providers.subList(fromIndex, toIndex), start, end), page, size,
                providers.size());
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw unprocessable(field, "must be a date like 2026-01-31");
        }
    }

    private static ApiProblem unprocessable(String field, String message) {
        return ApiProblem.unprocessable(field + " " + message, List.of(new ApiProblem.FieldError(field, message)));
    }
}
