package uk.probation.gate.communitypayback.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.order.CommunityPaybackProperties;

/**
 * Credits the attendance a crashed request claimed on a booking but did not get to the order (ADR 0008), once the
 * claim is older than {@code community-payback.attendance-recovery.after}, every
 * {@code community-payback.attendance-recovery.interval}.
 */
@Component
class AttendanceRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceRecovery.class);

    private final Sessions sessions;
    private final CommunityPaybackProperties properties;
    private final Clock clock;
    private final Counter recovered;

    AttendanceRecovery(Sessions sessions, CommunityPaybackProperties properties, Clock clock, MeterRegistry meters) {
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
        try {
            int settled = sessions.creditPending(clock.instant().minus(properties.attendanceRecovery().after()));
            if (settled > 0) {
                recovered.increment(settled);
                LOG.warn("Credited {} attendance outcome(s) left pending by an interrupted request", settled);
            }
        } catch (RuntimeException e) {
            // the next run tries again; the claims stay on their bookings until then
            LOG.error("Attendance recovery failed; it runs again in {}", properties.attendanceRecovery().interval(), e);
        }
    }
}
