package uk.probation.gate.referral.routing.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.routing.Routing;
import uk.probation.gate.referral.routing.RoutingRules;

@RestController
class RoutingRulesController {

    private final Routing routing;
    private final JsonMapper json;

    RoutingRulesController(Routing routing, JsonMapper json) {
        this.routing = routing;
        this.json = json;
    }

    /** The routing table in the order rules are tried: by need, then priority. */
    @GetMapping("/api/routing-rules")
    ResponseEntity<PageResponse<RoutingRule>> rules(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "200") int size) {
        Paging.check(page, size);
        return view(routing.current(), page, size);
    }

    private static ResponseEntity<PageResponse<RoutingRule>> view(RoutingRules table, int page, int size) {
        List<RoutingRule> rules = new ArrayList<>(table.getRules());
        rules.sort(Comparator.comparing(RoutingRule::need).thenComparingInt(RoutingRule::priority));
        return ResponseEntity.ok().eTag("\"" + table.getVersion() + "\"").body(page(rules, page, size));
    }

    /**
     * Replaces the whole table: a JSON array of rules, or {@code {"rules": [...]}} (as GET's items). With
     * {@code If-Match: <the ETag GET gave>}, a table someone changed meanwhile is refused with 409.
     */
    @PutMapping("/api/routing-rules")
    ResponseEntity<PageResponse<RoutingRule>> replace(@RequestBody JsonNode body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, Authentication who) {
        JsonNode rules = body.isArray() ? body : body.has("rules") ? body.get("rules") : body.get("items");
        if (rules == null || !rules.isArray()) {
            throw ApiProblem.invalid("rules", "must be a list of routing rules");
        }
        List<RoutingRule> table = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                RuleRequest rule = json.treeToValue(rules.get(i), RuleRequest.class);
                if (rule.responseDays() == null) {
                    throw ApiProblem.invalid("rules[" + i + "].responseDays", "is required");
                }
                table.add(rule.toRule());
            } catch (DatabindException e) {
                String field = e.getPath().isEmpty() ? "" : "." + e.getPath().get(0).getPropertyName();
                throw ApiProblem.invalid("rules[" + i + "]" + field, "has an invalid value");
            } catch (JacksonException e) {
                throw ApiProblem.invalid("rules[" + i + "]", "has an invalid value");
            }
        }
        return view(routing.replace(table, who.getName(), version(ifMatch)), 0, Paging.MAX_SIZE);
    }

    /** The audit trail, newest first: who changed the table, when, before and after. */
    @GetMapping("/api/routing-rules/changes")
    PageResponse<RoutingRules.Change> changes(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        List<RoutingRules.Change> changes = new ArrayList<>(routing.current().getChanges());
        java.util.Collections.reverse(changes);
        return page(changes, page, size);
    }

    /** {@code "3"} or {@code W/"3"} gives 3; no header (or {@code *}) gives null: no check. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the ETag of the routing table, e.g. \"3\"");
        }
    }

    static <T> PageResponse<T> page(List<T> all, int page, int size) {
        int from = Math.min(all.size(), page * size);
        int to = Math.min(all.size(), from + size);
        return new PageResponse<>(all.subList(from, to), page, size, all.size());
    }
}
