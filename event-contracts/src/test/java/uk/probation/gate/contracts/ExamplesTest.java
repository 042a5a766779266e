package uk.probation.gate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example payloads under src/test/resources/examples pin what each schema accepts and rejects. */
class ExamplesTest {

    static List<String> validExamples() {
        return Contracts.examples("valid");
    }

    static List<String> invalidExamples() {
        return Contracts.examples("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleMatchesItsSchema(String file) {
        String type = Contracts.typeOfExample(file).orElseThrow(() -> new AssertionError("No event type for " + file));

        assertThat(Contracts.validate(Contracts.dataschema(type), Contracts.example("valid", file))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleFailsItsSchema(String file) {
        String type = Contracts.typeOfExample(file).orElseThrow(() -> new AssertionError("No event type for " + file));
        assertThat(file).as("invalid examples are named <type>-<what>.json").startsWith(type + "-");

        Set<ValidationMessage> errors = Contracts.validate(Contracts.dataschema(type), Contracts.example("invalid", file));

        assertThat(errors).isNotEmpty();
        // one defect per example, so it cannot pass by failing for some other reason
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString()).as(errors.toString()).containsOnly(
                errors.iterator().next().getInstanceLocation().toString());
    }

    @Test
    void everyTypeHasValidAndInvalidExamples() {
        for (String type : Contracts.allTypes()) {
            assertThat(validExamples()).as("valid examples of " + type)
                    .anyMatch(file -> type.equals(Contracts.typeOfExample(file).orElse(null)));
            assertThat(invalidExamples()).as("invalid examples of " + type)
                    .anyMatch(file -> type.equals(Contracts.typeOfExample(file).orElse(null)));
        }
    }
}
