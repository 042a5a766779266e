package uk.probation.gate.referral.referral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for referrals past their respond-by day and grace and moves each on to the next provider. Runs in every
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
        for (String id : referrals.pastRespondBy()) {
            try {
                referrals.escalate(id);
            } catch (RuntimeException e) {
                log.warn("Escalating referral {} failed; tried again next run", id, e);
            }
        }
    }
}
