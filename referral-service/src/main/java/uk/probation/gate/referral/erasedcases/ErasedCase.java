package uk.probation.gate.referral.erasedcases;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;

/**
 * A resettlement case erased by its owner, keyed by case id (no identifier of the person): so an event about the case
 * still in flight (e.g. a referral step read back from referral.events) does not bring a deleted copy back.
 */
@Document("erased-cases")
public class ErasedCase extends AggregateDocument {

    private Instant erasedAt;

    protected ErasedCase() {
    }

    ErasedCase(String caseId, Instant erasedAt) {
        super(caseId);
        this.erasedAt = erasedAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }
}
