package uk.probation.gate.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's Mongo server keeps its data, and its indexes, across a restart (the backend's own behaviour is
 * tested in mongo-wire). */
class LocalMongoTest {

    @Test
    void whatWasWrittenIsReadAfterARestartOnTheSameFile(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv").toString();
        MongoServer first = new MongoServer(LocalMongo.backend(file, 16));
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + first.bind().getPort())) {
            writer.getDatabase("restart").getCollection("cases").createIndex(new Document("prison", 1));
            writer.getDatabase("restart").getCollection("cases").insertOne(new Document("_id", "c1").append("v", 1)
                    .append("prison", "MDI"));
        } finally {
            first.shutdown();
        }
        MongoServer second = new MongoServer(LocalMongo.backend(file, 16));
        try (MongoClient reader = MongoClients.create("mongodb://127.0.0.1:" + second.bind().getPort())) {
            // the secondary index is kept in the file and serves the query: nothing read every document
            assertThat(reader.getDatabase("restart").getCollection("cases").find(new Document("prison", "MDI")))
                    .containsExactly(new Document("_id", "c1").append("v", 1).append("prison", "MDI"));
            assertThat(reader.getDatabase("restart").runCommand(new Document("collStats", "cases"))
                    .get("collectionScans")).isEqualTo(0L);
        } finally {
            second.shutdown();
        }
    }
}
