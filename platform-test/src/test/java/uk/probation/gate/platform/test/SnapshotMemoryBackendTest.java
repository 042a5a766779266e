package uk.probation.gate.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests' Mongo server answers a query with the documents as they stood (see {@link MongoServerContract}). */
class SnapshotMemoryBackendTest {

    @Test
    void workersPollingOneQueueClaimEachEntryOnce() throws Exception {
        MongoServer server = new MongoServer(new SnapshotMemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            Map<String, Integer> claims = MongoServerContract.queueClaimRace(
                    client.getDatabase("claims").getCollection("delivery_queue"), 3000, 4);

            assertThat(claims).as("entries claimed").hasSize(3000);
            assertThat(claims).as("entries claimed by more than one worker").allSatisfy((id, n) -> assertThat(n)
                    .as(id).isOne());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void findAndModifyDeleteAndUpdateChangeTheStoredDocuments() {
        MongoServer server = new MongoServer(new SnapshotMemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            assertThat(MongoServerContract.writesThatFindByQuery(client.getDatabase("writes").getCollection("leases")))
                    .isEmpty();
        } finally {
            server.shutdownNow();
        }
    }
}
