package uk.probation.gate.contracts.hmpps;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * HMPPS domain event as published on {@code prison-offender-events}, e.g.
 * {@code prison-offender-events.prisoner.received} / {@code .released} (version 1).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HmppsDomainEvent(
        String eventType,
        Integer version,
        OffsetDateTime occurredAt,
        String description,
        PersonReference personReference,
        AdditionalInformation additionalInformation) {

    public static final String PRISONER_RECEIVED = "prison-offender-events.prisoner.received";
    public static final String PRISONER_RELEASED = "prison-offender-events.prisoner.released";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonReference(List<Identifier> identifiers) {
        public Optional<String> find(String type) {
            return identifiers == null ? Optional.empty()
                    : identifiers.stream().filter(i -> type.equals(i.type())).map(Identifier::value).findFirst();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identifier(String type, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdditionalInformation(String nomsNumber, String prisonId, String reason, String details,
            String nomisMovementReasonCode, String probableCause) {
    }

    /** The prison number, from additionalInformation or else the NOMS identifier. */
    public Optional<String> prisonNumber() {
        if (additionalInformation != null && additionalInformation.nomsNumber() != null) {
            return Optional.of(additionalInformation.nomsNumber());
        }
        return personReference == null ? Optional.empty() : personReference.find("NOMS");
    }
}
