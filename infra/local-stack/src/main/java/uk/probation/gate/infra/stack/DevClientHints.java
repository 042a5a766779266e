package uk.probation.gate.infra.stack;

import java.util.List;

/**
 * The dev clients to suggest on the console. The authoritative table is auth-server's DevClients (they exist only
 * under the {@code dev} profile, which the local stack sets); this launcher has no dependency on it (it must stay a
 * plain jar), so keep the two in step.
 */
final class DevClientHints {

    /** Every dev client has its own secret: its id followed by this, e.g. caseworker / caseworker-dev-secret. */
    static final String SECRET_SUFFIX = "-dev-secret";

    record Hint(String role, String clientId) {
        String secret() {
            return secretOf(clientId);
        }
    }

    static final List<Hint> ROLES = List.of(
            new Hint("RESETTLEMENT_CASEWORKER", "caseworker"),
            new Hint("PLACEMENT_COORDINATOR", "coordinator"),
            new Hint("SUPERVISOR", "supervisor"),
            new Hint("RESPONSIBLE_OFFICER", "responsible-officer"),
            new Hint("OPS_VIEWER", "ops-viewer"),
            new Hint("ADMIN", "admin"),
            new Hint("SAR_DATA_ACCESS", "sar-data-access"),
            new Hint("PROVIDER (provider INGEUS)", "provider-ingeus"));

    /** Every provider code has a client named this way, e.g. ST_GILES_TRUST gets provider-st-giles-trust. */
    static final String PROVIDER_PATTERN = "provider-<provider code in lower case, _ as ->";

    static String secretOf(String clientId) {
        return clientId + SECRET_SUFFIX;
    }

    private DevClientHints() {
    }
}
