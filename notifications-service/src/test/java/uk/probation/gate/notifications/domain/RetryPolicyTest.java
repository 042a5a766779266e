package uk.probation.gate.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1));

    @Test
    void theWaitGrowsUpToTheMaximum() {
        assertThat(policy.backOffAfter(1)).contains(Duration.ofSeconds(30));
        assertThat(policy.backOffAfter(2)).contains(Duration.ofMinutes(1));
        assertThat(policy.backOffAfter(3)).contains(Duration.ofMinutes(1));
    }

    @Test
    void noWaitAfterTheLastAttempt() {
        assertThat(policy.backOffAfter(4)).isEmpty();
    }
}
