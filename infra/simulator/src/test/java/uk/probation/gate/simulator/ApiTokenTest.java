package uk.probation.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private final Instant fetched = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void eachDevClientSignsInWithItsOwnSecret() {
        assertThat(Api.clientSecret("caseworker")).isEqualTo("caseworker-dev-secret");
        assertThat(Api.clientSecret("provider-in-house-housing")).isEqualTo("provider-in-house-housing-dev-secret");
    }

    @Test
    void aTokenIsRenewedAMinuteBeforeItExpiresAndAtLeastEveryTwoMinutes() {
        assertThat(Api.renewAt(fetched, 600)).isEqualTo(fetched.plusSeconds(120));
        assertThat(Api.renewAt(fetched, 90)).isEqualTo(fetched.plusSeconds(30));
        assertThat(Api.renewAt(fetched, 0)).isBefore(fetched);
    }
}
