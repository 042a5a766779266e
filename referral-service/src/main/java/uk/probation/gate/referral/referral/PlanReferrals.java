package uk.probation.gate.referral.referral;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;

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

    PlanReferrals(AggregateStore store, Referrals referrals) {
        this.store = store;
        this.referrals = referrals;
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
        for (Need need : plan.supportRequired()) {
            String existing = caseReferrals.getReferralByNeed().get(need.name());
            if (existing == null || referrals.unroutable(existing)) {
                String id = referralId(plan.caseId(), need, plan.planVersion());
                referrals.create(id, new NewReferral(plan.prisonNumber(), plan.crn(), need, Referral.Source.PLAN,
                        plan.caseId(), plan.prisonCode(), null, plan.sex(), plan.risk(),
                        plan.responsibleOfficerCode()), Referrals.SYSTEM);
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

    public List<String> referralIds(String caseId) {
        CaseReferrals found = store.findById(caseId, CaseReferrals.class);
        return found == null ? List.of() : List.copyOf(found.getReferralByNeed().values());
    }

    static String referralId(String caseId, Need need, int planVersion) {
        return UUID.nameUUIDFromBytes((caseId + "|" + need + "|" + planVersion).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
