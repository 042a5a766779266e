package uk.probation.gate.infra.mongo.wire;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the store logs of a filter: its fields and operators, never a value (which may identify a person). */
class ClientReadsTest {

    @Test
    void aFiltersShapeNamesFieldsAndOperatorsButNoValue() {
        Document filter = new Document("status", "SENT")
                .append("respondBy", new Document("$lt", Instant.parse("2026-11-28T00:00:00Z")))
                .append("$or", List.of(new Document("prisonNumber", "A1234BC"),
                        new Document("crn", new Document("$exists", false))))
                .append("address", new Document("line1", "1 High Street"));

        String shape = ClientReads.shapeOf(filter);

        assertThat(shape).isEqualTo("[status, respondBy $lt, $or([prisonNumber] [crn $exists]), address]");
        assertThat(shape).doesNotContain("SENT", "2026", "A1234BC", "false", "High Street");
    }
}
