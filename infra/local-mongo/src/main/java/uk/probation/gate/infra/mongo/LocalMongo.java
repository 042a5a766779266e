package uk.probation.gate.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import uk.probation.gate.infra.mongo.wire.SnapshotH2Backend;

/**
 * MongoDB wire-protocol server backed by an H2 file, for the local stack (no mongod can be installed here).
 * <p>
 * {@code java -jar local-mongo.jar --port=27017 --data-dir=DIR [--cache-mb=N]}. Data lives in DIR/mongo.mv and survives
 * restarts; prints {@code MONGO READY 127.0.0.1:<port>} once it accepts connections.
 */
public final class LocalMongo {

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        int port = 27017;
        Path dataDir = Path.of(".local-stack", "mongo");
        // an eighth of the heap for H2's page cache, which holds documents already read (ADR 0013). H2 sizes a cached
        // document by its serialised bytes; read back into objects it takes two to three times that on the heap, and
        // a third of a 768 MB heap ran this server out of memory with 100,000 people stored
        int cacheMegabytes = (int) Math.max(16, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024));
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(value);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value);
            } else if (arg.startsWith("--cache-mb=")) {
                cacheMegabytes = Integer.parseInt(value);
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (expected --port=, --data-dir=, --cache-mb=)");
            }
        }
        Files.createDirectories(dataDir);
        MongoServer server = new MongoServer(backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString(),
                cacheMegabytes));
        // no oplog: nothing here uses change streams, and it wrote a copy of every change into a collection that
        // only grew (ADR 0013)
        // the server runs each command on the event loop its connection belongs to, so one long command stalls every
        // other connection on that loop; with Netty's default four loops a service starting while another ran its
        // first gauge refresh waited out the driver's 10 s connect timeout for its handshake (ADR 0013, amendment 3).
        // Many loops, one per connection in practice: a long command holds up its own connection and its collection.
        server.bind(new java.net.InetSocketAddress("127.0.0.1", port), 1, EVENT_LOOPS);

        CountDownLatch stopped = new CountDownLatch(1);
        // closing the server closes the MVStore, so the last second of writes is flushed to the file
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("MONGO READY 127.0.0.1:" + port);
        stopped.await();
    }

    /** Event loops (threads) serving connections: about as many as the local stack's services open to the store. */
    static final int EVENT_LOOPS = 64;

    /** The H2 backend on {@code file} with that page cache, as {@link SnapshotH2Backend} mends it. */
    static H2Backend backend(String file, int cacheMegabytes) {
        return new SnapshotH2Backend(file, cacheMegabytes);
    }
}
