package uk.probation.gate.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    @Test
    void theRecipientsLanguageWhenThereIsATemplateInIt() {
        LanguageChoice choice = LanguageChoice.of("cy", Set.of("en", "cy"), "en");
        assertThat(choice.used()).isEqualTo("cy");
        assertThat(choice.fellBack()).isFalse();
    }

    @Test
    void theFallbackOtherwise() {
        LanguageChoice choice = LanguageChoice.of("pa", Set.of("en", "cy"), "en");
        assertThat(choice.used()).isEqualTo("en");
        assertThat(choice.requested()).isEqualTo("pa");
        assertThat(choice.fellBack()).isTrue();
    }
}
