package uk.probation.gate.referral.lifecycle.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.platform.security.Roles;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.domain.Achievement;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;
import uk.probation.gate.referral.lifecycle.NewReferral;
import uk.probation.gate.referral.lifecycle.Referral;
import uk.probation.gate.referral.lifecycle.Referrals;

/**
 * Referrals over HTTP. Who sees what is the caller's reach (platform {@link Caller}): a provider its own, a
 * caseworker its prisons' people, a coordinator its areas, ADMIN and OPS_VIEWER everything; outside it, 404.
 */
@RestController
class ReferralController {

    private static final String CODE = "^[A-Z][A-Z0-9_]*$";

    record DeclineRequest(@NotBlank String reason) {
    }

    record OutcomeRequest(@NotNull Outcome outcome) {
    }

    /** One desired outcome answered: how far it was achieved, and an optional note (free text). */
    record AchievementRequest(String desiredOutcome, Achievement achieved,
            @Size(max = 2000, message = "at most 2000 characters") String note) {
    }

    record EndOfServiceReportRequest(@Valid List<@NotNull @Valid AchievementRequest> achievements,
            @Size(max = 4000, message = "at most 4000 characters") String summary) {
    }

    /** A closure, optionally with the end-of-service report. */
    record ClosureRequest(@Valid EndOfServiceReportRequest endOfServiceReport) {
    }

    private final Referrals referrals;
    private final People people;
    private final Clock clock;

    ReferralController(Referrals referrals, People people, Clock clock) {
        this.referrals = referrals;
        this.people = people;
        this.clock = clock;
    }

    /**
     * Referrals the caller reaches, newest first, or with {@code sort=respondBy} a provider's inbox: overdue first
     * (still SENT after the respond-by day), then the soonest respond-by. {@code status} takes several values,
     * repeated or comma-separated. {@code size=0} answers the total alone (an inbox tab's count).
     */
    @GetMapping("/api/referrals")
    PageResponse<ReferralView> list(@RequestParam(required = false) String providerCode,
            @RequestParam(required = false) List<ReferralStatus> status, @RequestParam(required = false) Need need,
            @RequestParam(required = false) String caseId, @RequestParam(required = false) String prisonNumber,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.checkTotalAllowed(page, size);
        Referrals.Order order = order(sort);
        Caller caller = Caller.current();
        Set<ReferralStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        return PageResponse.of(referrals.list(caller,
                new Referrals.Filter(providerCode, statuses, need, caseId, prisonNumber, overdue), order, page, size),
                view(caller));
    }

    @GetMapping("/api/referrals/{id}")
    ReferralView get(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(caller).apply(referrals.get(id, caller));
    }

    /**
     * A manual referral, routed at once; for a known prisoner it joins the resettlement case for outcomes. A
     * caseworker refers from one of its prisons, a coordinator from one of its areas: else 403 naming the field.
     */
    @PostMapping("/api/referrals")
    ResponseEntity<ReferralView> create(@Valid @RequestBody ReferralRequest request) {
        ReferralRequest.PersonReference person = request.personReference();
        if (person.prisonNumber() == null && person.crn() == null) {
            throw ApiProblem.invalid("personReference", "needs a prisonNumber or a crn");
        }
        if ((request.prisonCode() == null) == (request.areaCode() == null)) {
            throw ApiProblem.invalid(request.prisonCode() == null ? "prisonCode" : "areaCode",
                    "give a prisonCode (in custody) or an areaCode (in the community), one of them");
        }
        Caller caller = Caller.current();
        if (request.prisonCode() != null && !(caller.hasRole(Roles.RESETTLEMENT_CASEWORKER)
                && caller.reachesPrison(request.prisonCode()))) {
            throw outsideReach("prisonCode", "is not one of the prisons you work at");
        }
        if (request.areaCode() != null && !(caller.hasRole(Roles.PLACEMENT_COORDINATOR)
                && caller.reachesArea(request.areaCode()))) {
            throw outsideReach("areaCode", "is not one of the areas you work in");
        }
        Person known = person.prisonNumber() == null ? null : people.get(person.prisonNumber());
        Referral created = referrals.create(UUID.randomUUID().toString(), new NewReferral(person.prisonNumber(),
                person.crn(), request.need(), Referral.Source.MANUAL, known == null ? null : known.getCaseId(),
                request.prisonCode(), request.areaCode(), request.sex(), request.riskOfSeriousHarm(),
                request.responsibleOfficerCode(), request.desiredOutcomes() == null ? List.of()
                : request.desiredOutcomes().stream().distinct().toList()), caller.subject());
        return ResponseEntity.created(URI.create("/api/referrals/" + created.getId()))
                .body(view(caller).apply(created));
    }

    @PostMapping("/api/referrals/{id}/acceptance")
    ReferralView accept(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(caller).apply(referrals.accept(id, caller.providerScope(), caller.subject()));
    }

    /** What the declining provider is told: its decline is recorded; where the referral goes next is not for it. */
    record Declined(String id, String providerCode, ReferralStatus status, String reason) {
    }

    /** {@code reason} is a code such as NO_CAPACITY or NOT_ELIGIBLE; free text is kept off the bus as OTHER. */
    @PostMapping("/api/referrals/{id}/decline")
    Declined decline(@PathVariable String id, @Valid @RequestBody DeclineRequest request) {
        String reason = request.reason().trim().matches(CODE) ? request.reason().trim() : "OTHER";
        Caller caller = Caller.current();
        String provider = caller.providerScope();
        referrals.decline(id, provider, reason, caller.subject());
        return new Declined(id, provider, ReferralStatus.DECLINED, reason);
    }

    @PostMapping("/api/referrals/{id}/start")
    ReferralView start(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(caller).apply(referrals.start(id, caller.providerScope(), caller.subject()));
    }

    @PostMapping("/api/referrals/{id}/outcome")
    ReferralView outcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request) {
        Caller caller = Caller.current();
        return view(caller).apply(referrals.recordOutcome(id, caller.providerScope(), request.outcome(),
                caller.subject()));
    }

    /**
     * Closes the referral after its outcome; an optional body {@code {"endOfServiceReport": {...}}} records what was
     * achieved against each desired outcome (every one answered once, else 422 naming
     * {@code endOfServiceReport.achievements[<desiredOutcome>]}).
     */
    @PostMapping("/api/referrals/{id}/closure")
    ReferralView close(@PathVariable String id,
            @Valid @RequestBody(required = false) ClosureRequest request) {
        Caller caller = Caller.current();
        EndOfServiceReportRequest report = request == null ? null : request.endOfServiceReport();
        Referrals.ReportRequest reported = report == null ? null : new Referrals.ReportRequest(
                report.achievements() == null ? List.of() : report.achievements().stream()
                        .map(a -> new Referrals.ReportedAchievement(a.desiredOutcome(), a.achieved(), a.note()))
                        .toList(), report.summary());
        return view(caller).apply(referrals.close(id, caller.providerScope(), reported, caller.subject()));
    }

    /**
     * The end-of-service report: the provider (its own), a caseworker (its prisons), a coordinator (its areas), the
     * responsible officer whose token claim {@code officer} is the referral's officer, ADMIN and OPS_VIEWER (without
     * the free text); 404 otherwise or when none was recorded.
     */
    @GetMapping("/api/referrals/{id}/end-of-service-report")
    EndOfServiceReportView report(@PathVariable String id) {
        Caller caller = Caller.current();
        return EndOfServiceReportView.of(referrals.withReport(id, caller), caller.readsNotes());
    }

    private Function<Referral, ReferralView> view(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        return r -> ReferralView.of(r, today, caller.readsNotes());
    }

    private static Referrals.Order order(String sort) {
        if (sort == null || sort.isBlank() || "createdAt".equals(sort) || "newest".equals(sort)) {
            return Referrals.Order.NEWEST;
        }
        if ("respondBy".equals(sort)) {
            return Referrals.Order.RESPOND_BY;
        }
        throw ApiProblem.invalid("sort", "must be respondBy or createdAt");
    }

    private static ApiProblem outsideReach(String field, String message) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", field + " " + message,
                List.of(new ApiProblem.FieldError(field, message)));
    }
}
