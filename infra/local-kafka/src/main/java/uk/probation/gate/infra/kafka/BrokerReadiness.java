package uk.probation.gate.infra.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until the broker answers a metadata request, not merely until its port is bound. */
final class BrokerReadiness {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private BrokerReadiness() {
    }

    static void await(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        throw (InterruptedException) notYet;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("broker on port " + port + " not ready after " + TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }
}
