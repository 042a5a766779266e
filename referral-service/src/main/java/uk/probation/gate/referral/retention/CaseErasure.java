package uk.probation.gate.referral.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.probation.gate.referral.erasedcases.ErasedCaseStore;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.lifecycle.PlanReferrals;
import uk.probation.gate.referral.lifecycle.Referrals;
import uk.probation.gate.referral.release.ReleaseOutcomes;

/**
 * {@code resettlement.case.erased}: resettlement deleted a closed case at the end of its retention, so everything
 * kept here about it goes: every referral of the case, open or closed, is erased (tombstone and
 * {@code referral.referral.erased} in one save, the tombstone deleted once the event is out), and the copies of the
 * case (its release record, which referrals its plan made) and of its person (when that is their current case) are
 * deleted. The case is remembered as erased first, so an event about it still in flight creates no copy again. Every
 * step is safe to repeat: a redelivered event finds nothing more to do.
 */
@Service
public class CaseErasure {

    private static final Logger log = LoggerFactory.getLogger(CaseErasure.class);

    private final ErasedCaseStore erasedCases;
    private final Referrals referrals;
    private final People people;
    private final ReleaseOutcomes outcomes;
    private final PlanReferrals plans;

    CaseErasure(ErasedCaseStore erasedCases, Referrals referrals, People people, ReleaseOutcomes outcomes,
            PlanReferrals plans) {
        this.erasedCases = erasedCases;
        this.referrals = referrals;
        this.people = people;
        this.outcomes = outcomes;
        this.plans = plans;
    }

    public void caseErased(String caseId) {
        erasedCases.mark(caseId);
        int erased = 0;
        for (String id : referrals.idsOfCase(caseId)) {
            if (referrals.erase(id)) {
                erased++;
            }
        }
        long people = this.people.forgetCase(caseId);
        boolean release = outcomes.forget(caseId);
        boolean plan = plans.forget(caseId);
        log.info("Case {} erased by resettlement: {} referral(s) erased, {} person copy, release record {}, "
                + "plan record {}", caseId, erased, people, release ? "deleted" : "none", plan ? "deleted" : "none");
    }
}
