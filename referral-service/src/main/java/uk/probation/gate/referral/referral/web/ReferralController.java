package uk.probation.gate.referral.referral.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;
import uk.probation.gate.referral.referral.NewReferral;
import uk.probation.gate.referral.referral.Referral;
import uk.probation.gate.referral.referral.Referrals;
import uk.probation.gate.referral.web.Caller;

@RestController
class ReferralController {

    private static final String CODE = "^[A-Z][A-Z0-9_]*$";

    record DeclineRequest(@NotBlank String reason) {
    }

    record OutcomeRequest(@NotNull Outcome outcome) {
    }

    private final Referrals referrals;
    private final People people;

    ReferralController(Referrals referrals, People people) {
        this.referrals = referrals;
        this.people = people;
    }

    /** Referrals, newest first; a PROVIDER sees only its own whatever it asks for. */
    @GetMapping("/api/referrals")
    PageResponse<ReferralView> list(@RequestParam(required = false) String providerCode,
            @RequestParam(required = false) ReferralStatus status, @RequestParam(required = false) Need need,
            @RequestParam(required = false) String caseId, @RequestParam(required = false) String prisonNumber,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication who) {
        Paging.check(page, size);
        PageResponse<Referral> found = referrals.list(Caller.provider(who), providerCode, status, need, caseId,
                prisonNumber, page, size);
        return new PageResponse<>(found.items().stream().map(ReferralView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/api/referrals/{id}")
    ReferralView get(@PathVariable String id, Authentication who) {
        return ReferralView.of(referrals.get(id, Caller.provider(who)));
    }

    /** A manual referral, routed at once; for a known prisoner it joins the resettlement case for outcomes. */
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
        Person known = person.prisonNumber() == null ? null : people.get(person.prisonNumber());
        Referral created = referrals.create(UUID.randomUUID().toString(), new NewReferral(person.prisonNumber(),
                person.crn(), request.need(), Referral.Source.MANUAL, known == null ? null : known.getCaseId(),
                request.prisonCode(), request.areaCode(), request.sex(), request.riskOfSeriousHarm(),
                request.responsibleOfficerCode()));
        return ResponseEntity.created(URI.create("/api/referrals/" + created.getId())).body(ReferralView.of(created));
    }

    @PostMapping("/api/referrals/{id}/acceptance")
    ReferralView accept(@PathVariable String id, Authentication who) {
        return ReferralView.of(referrals.accept(id, Caller.provider(who)));
    }

    /** What the declining provider is told: its decline is recorded; where the referral goes next is not for it. */
    record Declined(String id, String providerCode, ReferralStatus status, String reason) {
    }

    /** {@code reason} is a code such as NO_CAPACITY or NOT_ELIGIBLE; free text is kept off the bus as OTHER. */
    @PostMapping("/api/referrals/{id}/decline")
    Declined decline(@PathVariable String id, @Valid @RequestBody DeclineRequest request, Authentication who) {
        String reason = request.reason().trim().matches(CODE) ? request.reason().trim() : "OTHER";
        String provider = Caller.provider(who);
        referrals.decline(id, provider, reason);
        return new Declined(id, provider, ReferralStatus.DECLINED, reason);
    }

    @PostMapping("/api/referrals/{id}/start")
    ReferralView start(@PathVariable String id, Authentication who) {
        return ReferralView.of(referrals.start(id, Caller.provider(who)));
    }

    @PostMapping("/api/referrals/{id}/outcome")
    ReferralView outcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request, Authentication who) {
        return ReferralView.of(referrals.recordOutcome(id, Caller.provider(who), request.outcome()));
    }

    @PostMapping("/api/referrals/{id}/closure")
    ReferralView close(@PathVariable String id, Authentication who) {
        return ReferralView.of(referrals.close(id, Caller.provider(who)));
    }
}
