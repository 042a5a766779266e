package uk.probation.gate.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.probation.gate.platform.test.MongoServerContract;

/** The local stack's Mongo server: queries answer with the documents as they stood, and data survives a restart. */
class LocalMongoTest {

    @Test
    void workersPollingOneQueueClaimEachEntryOnce() throws Exception {
        MongoServer server = new MongoServer(LocalMongo.backend(null));
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
        MongoServer server = new MongoServer(LocalMongo.backend(null));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            assertThat(MongoServerContract.writesThatFindByQuery(client.getDatabase("writes").getCollection("leases")))
                    .isEmpty();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void whatWasWrittenIsReadAfterARestartOnTheSameFile(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        MongoServer first = new MongoServer(LocalMongo.backend(file));
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + first.bind().getPort())) {
            writer.getDatabase("restart").getCollection("cases").insertOne(new Document("_id", "c1").append("v", 1));
        } finally {
            first.shutdown();
        }
        MongoServer second = new MongoServer(LocalMongo.backend(file));
        try (MongoClient reader = MongoClients.create("mongodb://127.0.0.1:" + second.bind().getPort())) {
            assertThat(reader.getDatabase("restart").getCollection("cases").find().first())
                    .isEqualTo(new Document("_id", "c1").append("v", 1));
        } finally {
            second.shutdown();
        }
    }
}
