package uk.probation.gate.referral.referral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.audit.AuditTrail;

/**
 * Looks for referrals whose current stage (response, start, outcome) is past its day and grace, and escalates each
 * stage once: an unanswered referral moves on to the next provider; a late start or outcome is announced. Runs in every
 * instance; each escalation is a version-checked save, so two instances never escalate one referral twice.
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final Referrals referrals;

    Escalations(Referrals referrals) {
        this.referrals = referrals;
    }

    @Scheduled(fixedDelayString = "${referral.escalation.interval}", initialDelayString = "${referral.escalation.interval}")
    void escalateOverdue() {
        // audit rows written by the escalations name this job as their cause (actor "system")
        MDC.put(AuditTrail.CAUSE, "escalation");
        try {
            for (String id : referrals.pastDue()) {
                try {
                    referrals.escalate(id);
                } catch (RuntimeException e) {
                    log.warn("Escalating referral {} failed; tried again next run", id, e);
                }
            }
        } finally {
            MDC.remove(AuditTrail.CAUSE);
        }
    }
}
