package uk.probation.gate.referral.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.lease.JobLease;

/**
 * Looks for referrals whose current stage (response, start, outcome) is past its day and grace, and escalates each
 * stage once: an unanswered referral moves on to the next provider; a late start or outcome is announced. Scheduled
 * in every instance but runs on one at a time: a run holds the {@value #LEASE} {@link JobLease} (ADR 0012) and skips
 * while another instance holds it. Each escalation is also a version-checked save, so even a run whose lease ran out
 * never escalates one referral twice.
 */
@Component
class Escalations {

    static final String LEASE = "referral-escalation";
    /** Far longer than one run (a query and a save per overdue referral); a dead holder's lease runs out then. */
    static final Duration LEASE_TTL = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final Referrals referrals;
    private final JobLease lease;

    Escalations(Referrals referrals, JobLease lease) {
        this.referrals = referrals;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${referral.escalation.interval}", initialDelayString = "${referral.escalation.interval}")
    void escalateOverdue() {
        runOnce();
    }

    /**
     * One run (one at a time in this instance too): how many stages it escalated, or -1 when another instance holds
     * the lease (nothing done here).
     */
    synchronized int runOnce() {
        if (!lease.tryAcquire(LEASE, LEASE_TTL)) {
            return -1;
        }
        int escalated = 0;
        // audit rows written by the escalations name this job as their cause (actor "system")
        MDC.put(AuditTrail.CAUSE, "escalation");
        try {
            for (String id : referrals.pastDue()) {
                try {
                    if (referrals.escalate(id)) {
                        escalated++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Escalating referral {} failed; tried again next run", id, e);
                }
            }
        } finally {
            MDC.remove(AuditTrail.CAUSE);
            lease.release(LEASE);
        }
        return escalated;
    }
}
