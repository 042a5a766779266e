package uk.probation.gate.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** On the Mongo wire server: a listed index is dropped where it exists, and nothing else is touched. */
class ObsoleteIndexesTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(
            EmbeddedInfrastructure.get().mongoUri("indexes")), "indexes-" + UUID.randomUUID());

    @Test
    void aListedIndexIsDroppedWhereItExistsAndTheOthersStay() {
        mongo.indexOps("queue").createIndex(new Index().on("slot", Sort.Direction.ASC).named("slot"));
        mongo.indexOps("queue").createIndex(new Index().on("slot", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).named("slot_due"));
        mongo.indexOps("cases").createIndex(new Index().on("prisonCode", Sort.Direction.ASC).named("caseload"));
        ObsoleteIndexes obsolete = new ObsoleteIndexes(mongo, List.of("queue.slot", "cases.caseload",
                "never.made"));

        assertThat(obsolete.drop()).isEqualTo(2);

        assertThat(names("queue")).contains("slot_due").doesNotContain("slot");
        assertThat(names("cases")).doesNotContain("caseload");
        // at the next start there is nothing left to drop
        assertThat(obsolete.drop()).isZero();
    }

    @Test
    void aNameWithoutItsCollectionIsRefused() {
        assertThatThrownBy(() -> new ObsoleteIndexes(mongo, List.of("slot")).drop())
                .hasMessageContaining("'slot' is not collection.index");
    }

    private List<String> names(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
