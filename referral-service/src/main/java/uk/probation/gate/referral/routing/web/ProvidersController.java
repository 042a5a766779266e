package uk.probation.gate.referral.routing.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.routing.Provider;
import uk.probation.gate.referral.routing.Routing;

@RestController
class ProvidersController {

    private final Routing routing;

    ProvidersController(Routing routing) {
        this.routing = routing;
    }

    /** The supply chain: code (as PROVIDER tokens carry it), name, and the needs it serves. */
    @GetMapping("/api/providers")
    PageResponse<Provider> providers(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        return RoutingRulesController.page(routing.providers(), page, size);
    }
}
