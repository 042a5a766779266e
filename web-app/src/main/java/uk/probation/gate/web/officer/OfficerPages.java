package uk.probation.gate.web.officer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.forms.Option;
import uk.probation.gate.web.pages.Pagination;
import uk.probation.gate.web.pages.Words;

/**
 * A responsible officer's pages, read only: their people's referrals (newest first, by status), one referral with
 * its history in plain words, and its end-of-service report. referral-service decides whose referrals the officer
 * reaches (the token's {@code officer} claim); another officer's referral is 404, shown as Page not found.
 */
@Controller
@PreAuthorize("hasRole('RESPONSIBLE_OFFICER')")
class OfficerPages {

    static final int PAGE_SIZE = 20;

    /** The statuses an officer can filter by, in the order a referral passes through them. */
    static final List<String> STATUSES = List.of("SENT", "ACCEPTED", "IN_PROGRESS", "OUTCOME_RECORDED", "CLOSED",
            "UNROUTABLE");

    /** One step of a referral's history as the officer reads it. */
    public record Step(String text, java.time.Instant at) {
    }

    private final OfficerReferrals referrals;
    private final Words words;

    OfficerPages(OfficerReferrals referrals, Words words) {
        this.referrals = referrals;
        this.words = words;
    }

    @GetMapping("/officer/referrals")
    String referrals(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        String chosen = status != null && STATUSES.contains(status) ? status : "";
        Page<OfficerReferrals.Referral> found = referrals.list(chosen.isEmpty() ? List.of() : List.of(chosen),
                Math.max(0, page - 1), PAGE_SIZE);
        UriComponentsBuilder here = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("continue");
        List<Option> options = new ArrayList<>();
        options.add(Option.of("", "Any status"));
        STATUSES.forEach(s -> options.add(Option.of(s, words.of("referralStatus", s))));
        Map<String, String> form = new HashMap<>();
        form.put("status", chosen);
        model.addAttribute("referrals", found);
        model.addAttribute("pages", Pagination.of(found, here));
        model.addAttribute("statuses", options);
        model.addAttribute("status", chosen);
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.none());
        return "officer/referrals";
    }

    @GetMapping("/officer/referrals/{id}")
    String referral(@PathVariable String id, Model model) {
        OfficerReferrals.Referral referral = referrals.get(id);
        model.addAttribute("referral", referral);
        model.addAttribute("steps", referral.history().stream().map(this::step).toList());
        model.addAttribute("backLink", "/officer/referrals");
        return "officer/referral";
    }

    @GetMapping("/officer/referrals/{id}/end-of-service-report")
    String endOfServiceReport(@PathVariable String id, Model model) {
        OfficerReferrals.Referral referral = referrals.get(id);
        model.addAttribute("referral", referral);
        model.addAttribute("report", referrals.endOfServiceReport(id));
        model.addAttribute("backLink", "/officer/referrals/" + id);
        return "officer/end-of-service-report";
    }

    /** A history entry in plain words: what happened, and which provider did it. */
    Step step(OfficerReferrals.HistoryEntry h) {
        String provider = h.providerCode() == null ? null : words.of("provider", h.providerCode());
        String text = switch (h.status() == null ? "" : h.status()) {
            case "CREATED" -> "Referral made";
            case "SENT" -> provider == null ? "Sent to a provider" : "Sent to " + provider;
            case "ACCEPTED" -> provider == null ? "Accepted" : "Accepted by " + provider;
            case "DECLINED" -> (provider == null ? "Declined" : "Declined by " + provider)
                    + (h.reason() == null ? "" : ": " + words.of("declineReason", h.reason()));
            case "IN_PROGRESS" -> provider == null ? "Work started" : "Work started by " + provider;
            case "OUTCOME_RECORDED" -> "Outcome recorded" + (provider == null ? "" : " by " + provider)
                    + (h.outcome() == null ? "" : ": " + words.of("referralOutcome", h.outcome()));
            case "CLOSED" -> provider == null ? "Closed" : "Closed by " + provider;
            case "UNROUTABLE" -> "No provider could take this referral";
            default -> words.of("referralStatus", h.status());
        };
        return new Step(text, h.at());
    }
}
