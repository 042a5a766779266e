package uk.probation.gate.communitypayback.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.CommunityPaybackProperties;
import uk.probation.gate.platform.lease.JobLease;

/**
 * Credits the attendance a crashed request claimed on a booking but did not get to the order (ADR 0008), once the
 * claim is older than {@code community-payback.attendance-recovery.after}, every
 * {@code community-payback.attendance-recovery.interval}. Scheduled in every instance but runs on one at a time: a
 * run holds the {@value #LEASE} {@link JobLease} (ADR 0012) and another instance's run skips meanwhile, so a claim is
 * settled and counted once (the order's credit is idempotent besides).
 */
@Component
class AttendanceRecovery {

    static final String LEASE = "attendance-recovery";
    /** Far longer than one run (a few writes per claim left pending); a dead holder's lease runs out then. */
    static final Duration LEASE_TTL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(AttendanceRecovery.class);

    private final Sessions sessions;
    private final CommunityPaybackProperties properties;
    private final Clock clock;
    private final Counter recovered;
    private final JobLease lease;

    AttendanceRecovery(Sessions sessions, CommunityPaybackProperties properties, Clock clock, MeterRegistry meters,
            JobLease lease) {
        this.lease = lease;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
        this.recovered = Counter.builder("community_payback.attendance.recovered")
                .description("Attendance outcomes credited to their order by recovery after an interrupted request")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${community-payback.attendance-recovery.interval:PT30S}",
            initialDelayString = "${community-payback.attendance-recovery.interval:PT30S}")
    void run() {
        runOnce();
    }

    /**
     * One run (one at a time in this instance too): how many claims it settled, or -1 when another instance holds
     * the lease (nothing done here).
     */
    synchronized int runOnce() {
        if (!lease.tryAcquire(LEASE, LEASE_TTL)) {
            return -1;
        }
        try {
            int settled = sessions.creditPending(clock.instant().minus(properties.attendanceRecovery().after()));
            if (settled > 0) {
                recovered.increment(settled);
                LOG.warn("Credited {} attendance outcome(s) left pending by an interrupted request", settled);
            }
            return settled;
        } catch (RuntimeException e) {
            // the next run tries again; the claims stay on their bookings until then
            LOG.error("Attendance recovery failed; it runs again in {}", properties.attendanceRecovery().interval(), e);
            return 0;
        } finally {
            lease.release(LEASE);
        }
    }
}
