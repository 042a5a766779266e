package uk.probation.gate.referral.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.referral.ReferralProperties;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/**
 * Referrals from completed resettlement plans: one per need with SUPPORT_REQUIRED; a revised plan adds the new needs
 * and withdraws the ones it no longer requires; an older or repeated plan changes nothing.
 * <p>
 * The referrals are separate documents (no multi-document transactions), so their ids are derived from case, need
 * and plan version: if a crash interrupts, the redelivered plan recreates the same ids, and the store refuses
 * the duplicates, before the case records the version as applied. A need still required whose referral is
 * UNROUTABLE gets a NEW referral, routed with the current table: UNROUTABLE is terminal (its closed event was
 * published), so the old one is never re-opened.
 */
@Service
public class PlanReferrals {

    /** A completed plan as routing needs it. */
    public record CompletedPlan(String caseId, String prisonNumber, String crn, String prisonCode, Sex sex,
            RiskOfSeriousHarm risk, String responsibleOfficerCode, int planVersion, Set<Need> supportRequired) {
    }

    private static final Logger log = LoggerFactory.getLogger(PlanReferrals.class);

    private final AggregateStore store;
    private final Referrals referrals;
    private final People people;
    private final ReferralProperties properties;

    PlanReferrals(AggregateStore store, Referrals referrals, People people, ReferralProperties properties) {
        this.store = store;
        this.referrals = referrals;
        this.people = people;
        this.properties = properties;
    }

    public void planCompleted(String eventId, CompletedPlan plan) {
        CaseReferrals caseReferrals = store.findById(plan.caseId(), CaseReferrals.class);
        if (caseReferrals == null) {
            caseReferrals = new CaseReferrals(plan.caseId());
        }
        if (caseReferrals.hasProcessed(eventId)) {
            return;
        }
        if (plan.planVersion() <= caseReferrals.getPlanVersion()) {
            log.info("Plan version {} of case {} is not newer than {}; nothing to refer", plan.planVersion(),
                    plan.caseId(), caseReferrals.getPlanVersion());
            caseReferrals.markProcessed(eventId);
            store.save(caseReferrals);
            return;
        }
        CompletedPlan completed = completedFromPerson(plan);
        for (Need need : plan.supportRequired()) {
            String existing = caseReferrals.getReferralByNeed().get(need.name());
            if (existing == null || referrals.unroutable(existing)) {
                String id = referralId(plan.caseId(), need, plan.planVersion());
                referrals.create(id, new NewReferral(completed.prisonNumber(), completed.crn(), need,
                        Referral.Source.PLAN, plan.caseId(), completed.prisonCode(), null, completed.sex(),
                        completed.risk(), completed.responsibleOfficerCode(), properties.desiredOutcomesFor(need)),
                        Referrals.SYSTEM);
                caseReferrals.getReferralByNeed().put(need.name(), id);
            }
        }
        for (String need : new ArrayList<>(caseReferrals.getReferralByNeed().keySet())) {
            if (!plan.supportRequired().contains(Need.valueOf(need))) {
                referrals.withdraw(caseReferrals.getReferralByNeed().remove(need));
            }
        }
        caseReferrals.setPlanVersion(plan.planVersion());
        caseReferrals.markProcessed(eventId);
        store.save(caseReferrals);
    }

    /**
     * What the plan event lacks (crn, sex, risk, officer, prison) is taken from the person when they are on this
     * case: a case opened by an HMPPS admission and completed later by the caseworker ({@code resettlement.case.updated})
     * is routed with the completed details, e.g. by a rule with a risk ceiling.
     */
    private CompletedPlan completedFromPerson(CompletedPlan plan) {
        Person person = plan.prisonNumber() == null ? null : people.get(plan.prisonNumber());
        if (person == null || !plan.caseId().equals(person.getCaseId())) {
            return plan;
        }
        return new CompletedPlan(plan.caseId(), plan.prisonNumber(), or(plan.crn(), person.getCrn()),
                or(plan.prisonCode(), person.getPrisonCode()), or(plan.sex(), person.getSex()),
                or(plan.risk(), person.getRiskOfSeriousHarm()),
                or(plan.responsibleOfficerCode(), person.getResponsibleOfficerCode()), plan.planVersion(),
                plan.supportRequired());
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /**
     * A later reception superseded the case: the needs whose referrals are still open go with them to the new case,
     * so the new case's plan does not refer them twice. Once per event (both documents record it).
     */
    public void caseSuperseded(String eventId, String caseId, String newCaseId) {
        CaseReferrals old = store.findById(caseId, CaseReferrals.class);
        if (old == null || old.hasProcessed(eventId)) {
            return;
        }
        CaseReferrals moved = store.findById(newCaseId, CaseReferrals.class);
        if (moved == null) {
            moved = new CaseReferrals(newCaseId);
        }
        if (moved.markProcessed(eventId)) {
            for (var entry : new java.util.ArrayList<>(old.getReferralByNeed().entrySet())) {
                if (referrals.movedTo(entry.getValue(), newCaseId)) {
                    moved.getReferralByNeed().putIfAbsent(entry.getKey(), entry.getValue());
                    old.getReferralByNeed().remove(entry.getKey());
                }
            }
            store.save(moved);
        }
        old.markProcessed(eventId);
        store.save(old);
    }

    /** Deletes which referrals the case's plan made (the case was erased); true when it was there. */
    public boolean forget(String caseId) {
        CaseReferrals found = store.findById(caseId, CaseReferrals.class);
        return found != null && store.delete(found);
    }

    public List<String> referralIds(String caseId) {
        CaseReferrals found = store.findById(caseId, CaseReferrals.class);
        return found == null ? List.of() : List.copyOf(found.getReferralByNeed().values());
    }

    static String referralId(String caseId, Need need, int planVersion) {
        return UUID.nameUUIDFromBytes((caseId + "|" + need + "|" + planVersion).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
