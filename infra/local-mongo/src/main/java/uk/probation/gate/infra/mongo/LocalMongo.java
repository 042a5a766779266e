package uk.probation.gate.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * MongoDB wire-protocol server backed by an H2 file, for the local stack (no mongod can be installed here).
 * <p>
 * {@code java -jar local-mongo.jar --port=27017 --data-dir=DIR}. Data lives in DIR/mongo.mv and survives
 * restarts; prints {@code MONGO READY 127.0.0.1:<port>} once it accepts connections.
 */
public final class LocalMongo {

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        int port = 27017;
        Path dataDir = Path.of(".local-stack", "mongo");
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(value);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value);
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (expected --port=, --data-dir=)");
            }
        }
        Files.createDirectories(dataDir);
        MongoServer server = new MongoServer(backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString()));
        // change streams need the oplog, and it must be on before the first client connects
        server.enableOplog();
        server.bind("127.0.0.1", port);

        CountDownLatch stopped = new CountDownLatch(1);
        // closing the server closes the MVStore, so the last second of writes is flushed to the file
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("MONGO READY 127.0.0.1:" + port);
        stopped.await();
    }

    /** The H2 backend on {@code file} (in memory when null), answering queries with snapshots. */
    static H2Backend backend(String file) {
        return new SnapshotH2Backend(file);
    }
}
