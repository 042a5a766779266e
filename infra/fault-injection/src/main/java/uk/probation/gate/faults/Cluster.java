package uk.probation.gate.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import uk.probation.gate.infra.stack.LocalStack;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.infra.stack.StackOptions;

/**
 * The running local stack as the fault suite sees it: instances of each service, the brokers, and the two things a
 * round does to one of them (SIGKILL, then wait until it is back). Everything else goes through the public APIs.
 */
final class Cluster implements AutoCloseable {

    static final List<StackComponent> SERVICES = StackComponent.services();

    private final RunningStack stack;
    private final int brokers;
    private final int instances;

    private Cluster(RunningStack stack, int brokers, int instances) {
        this.stack = stack;
        this.brokers = brokers;
        this.instances = instances;
    }

    /** Kafka, Mongo, auth, mail and the four services (no web app: nobody signs in), on free ports. */
    static Cluster start(FaultOptions options) {
        List<StackComponent> components = new ArrayList<>(List.of(StackComponent.KAFKA, StackComponent.MONGO,
                StackComponent.AUTH, StackComponent.MAIL));
        components.addAll(SERVICES);
        StackOptions stackOptions = StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .withStartupTimeout(Duration.ofSeconds(300)).only(components)
                .withBrokers(options.brokers()).withInstances(options.instances()).withSupervision(true)
                .withArchiveTraining(options.archiveTraining())
                // a round kills something every half minute or so: never let the supervisor give up on it
                .withCrashLoop(1_000, Duration.ofMinutes(1));
        return new Cluster(LocalStack.start(stackOptions), options.brokers(), options.instances());
    }

    int brokers() {
        return stack.instances(StackComponent.KAFKA);
    }

    int instances(StackComponent service) {
        return stack.instances(service);
    }

    List<URI> baseUrls(StackComponent service) {
        return stack.baseUrls(service);
    }

    URI mailApi() {
        return stack.mailApi();
    }

    String bootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    String accessToken(String client) {
        return stack.accessToken(client);
    }

    /** The broker index (0-based) of a KRaft node id. */
    int brokerIndexOfNode(int nodeId) {
        for (int i = 0; i < brokers(); i++) {
            if (stack.brokerNodeId(i) == nodeId) {
                return i;
            }
        }
        throw new IllegalStateException("no broker has node id " + nodeId);
    }

    /** SIGKILL of that JVM and nothing else; the stack's supervisor starts it again. */
    void kill(StackComponent component, int instance) {
        stack.kill(component, instance);
    }

    void awaitReady(StackComponent component, int instance, Duration timeout) {
        stack.awaitReady(component, instance, timeout);
    }

    int restarts(StackComponent component, int instance) {
        return stack.restarts(component, instance);
    }

    Path logFile(StackComponent component, int instance) {
        return stack.logFile(component, instance);
    }

    Path dataDir() {
        return stack.dataDir();
    }

    String shape() {
        return brokers + (brokers == 1 ? " broker" : " brokers") + ", " + instances
                + (instances == 1 ? " instance" : " instances") + " of each service";
    }

    @Override
    public void close() {
        stack.close();
    }
}
