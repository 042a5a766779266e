package uk.probation.gate.web.backgroundwork;

import uk.probation.gate.web.api.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.ApiCalls;

/**
 * What every service's platform serves the same way about its single-writer work, called with the signed-in admin's
 * own token: the job leases, the outbox and the dead letters ({@code GET /api/admin/background-work}) and the
 * dead-letter replay ({@code POST /api/admin/dead-letters/replay}).
 */
@Component
class BackgroundWorkApi {

    /** A job's lease: {@code held} while {@code expiresAt} is in the future; {@code acquiredAt} is the last take or renewal. */
    public record Lease(String name, String holder, Instant acquiredAt, Instant expiresAt, boolean held) {
    }

    /** Records holding events not yet acknowledged by Kafka, and the age of the oldest event the last sweep left. */
    public record Outbox(long pendingAggregates, long oldestPendingSeconds) {
    }

    /** One instance's answer: {@code answeredBy} is that instance's lease holder id. */
    public record BackgroundWork(String service, String answeredBy, Instant at, List<Lease> leases, Outbox outbox,
            long deadLetters) {

        public List<Lease> leases() {
            return leases == null ? List.of() : leases;
        }

        public Outbox outbox() {
            return outbox == null ? new Outbox(0, 0) : outbox;
        }
    }

    public record Replayed(String topic, int replayed) {
    }

    /** A service that has not answered by then is "not answering": one hung service does not hold up the page. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<Service, RestClient> clients = new LinkedHashMap<>();

    BackgroundWorkApi(ApiCalls calls, WebProperties properties) {
        for (Service service : Service.values()) {
            clients.put(service, calls.forService(service.id(), service.baseUrlIn(properties.services()), READ_TIMEOUT));
        }
    }

    BackgroundWork backgroundWork(Service service) {
        return clients.get(service).get().uri("/api/admin/background-work").retrieve().body(BackgroundWork.class);
    }

    /** Republishes the service's dead letters; an {@code ApiProblem} with 409 while another instance is replaying. */
    Replayed replayDeadLetters(Service service) {
        return clients.get(service).post().uri("/api/admin/dead-letters/replay").retrieve().body(Replayed.class);
    }
}
