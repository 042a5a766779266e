package uk.probation.gate.platform.lease;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.deadletter.DeadLetters;
import uk.probation.gate.platform.outbox.OutboxRelay;

/**
 * ADMIN: the single-writer work of this service (ADR 0012) as it stands: which instance holds which lease and until
 * when, what waits in the outbox, how many dead letters wait. The web app's Admin > Background work page shows it
 * for every service.
 */
@RestController
public class BackgroundWorkController {

    private final JobLease leases;
    private final OutboxRelay relay;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final String service;

    public BackgroundWorkController(JobLease leases, OutboxRelay relay, DeadLetters deadLetters, Clock clock,
            @Value("${spring.application.name}") String service) {
        this.leases = leases;
        this.relay = relay;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.service = service;
    }

    public record Outbox(long pendingAggregates, long oldestPendingSeconds) {
    }

    public record BackgroundWork(String service, String answeredBy, String at, List<JobLease.LeaseView> leases,
            Outbox outbox, long deadLetters) {
    }

    @GetMapping("/api/admin/background-work")
    public BackgroundWork backgroundWork() {
        return new BackgroundWork(service, leases.holder(), clock.instant().toString(), leases.all(),
                new Outbox(relay.pendingAggregates(), relay.oldestPendingAge().toSeconds()), deadLetters.waiting());
    }
}
