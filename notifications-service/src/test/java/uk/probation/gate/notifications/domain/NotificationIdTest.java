package uk.probation.gate.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotificationIdTest {

    @Test
    void oneIdPerEventAndRecipient() {
        assertThat(NotificationId.of("e-1", "N01RO1")).isEqualTo("e-1:N01RO1");
        assertThat(NotificationId.of("e-1", "N01RO1")).isEqualTo(NotificationId.of("e-1", "N01RO1"));
        assertThat(NotificationId.of("e-1", "N01RO1")).isNotEqualTo(NotificationId.of("e-1", "N01RO2"));
        assertThat(NotificationId.of("e-1", "N01RO1")).isNotEqualTo(NotificationId.of("e-2", "N01RO1"));
    }

    @Test
    void bothPartsAreRequired() {
        assertThatThrownBy(() -> NotificationId.of(null, "N01RO1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationId.of("e-1", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
