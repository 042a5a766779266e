package uk.probation.gate.faults;

import java.util.Arrays;

/** What a round kills with SIGKILL. */
enum FaultKind {
    /** One random instance of one random service. */
    SERVICE("service"),
    /** One random Kafka broker. */
    BROKER("broker"),
    /** The broker leading a random partition of a busy topic (the services' own event topics). */
    LEADER("leader");

    private final String cliName;

    FaultKind(String cliName) {
        this.cliName = cliName;
    }

    String cliName() {
        return cliName;
    }

    static FaultKind fromCliName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "', expected one of "
                        + Arrays.stream(values()).map(FaultKind::cliName).toList()));
    }
}
