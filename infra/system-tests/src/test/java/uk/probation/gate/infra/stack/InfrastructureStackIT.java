package uk.probation.gate.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.infra.stack.StackComponent.AUTH;
import static uk.probation.gate.infra.stack.StackComponent.KAFKA;
import static uk.probation.gate.infra.stack.StackComponent.MONGO;

import java.util.List;

import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kafka, Mongo and the auth server started through the public API, exercised with the real clients. */
class InfrastructureStackIT {

    static RunningStack stack;

    @BeforeAll
    static void startInfrastructure() {
        stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir().only(KAFKA, MONGO, AUTH));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void startsOnlyWhatWasAskedForOnPortsOtherThanTheDefaults() {
        assertThat(stack.components()).containsExactly(KAFKA, MONGO, AUTH);
        assertThat(List.of(stack.port(KAFKA), stack.port(MONGO), stack.port(AUTH))).doesNotContain(9092, 27017, 9000);
        assertThat(stack.logFile(KAFKA)).exists().content().contains("KAFKA READY 127.0.0.1:" + stack.port(KAFKA));
    }

    @Test
    void theBrokerCarriesARecordFromProducerToConsumer() throws Exception {
        RealClients.produce(stack, "local-stack-it", "A1234BC", "received");

        List<ConsumerRecord<String, String>> records = RealClients.consumeUntilFound(stack, "local-stack-it", "received");

        assertThat(records).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("A1234BC");
            assertThat(record.value()).isEqualTo("received");
        });
    }

    @Test
    void theMongoServerAnswersPingAndStoresADocument() {
        try (MongoClient client = RealClients.mongo(stack)) {
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok", Number.class).intValue())
                    .isEqualTo(1);
            RealClients.collection(client).insertOne(new Document("_id", "ping-case").append("prisonCode", "MDI"));

            assertThat(RealClients.collection(client).find(new Document("_id", "ping-case")).first())
                    .containsEntry("prisonCode", "MDI");
        }
    }

    @Test
    void aRestartedMongoServerStillHasTheDocument() {
        try (MongoClient client = RealClients.mongo(stack)) {
            RealClients.collection(client).insertOne(new Document("_id", "restart-case").append("prisonCode", "LPI"));
        }
        long before = stack.process(MONGO).orElseThrow().pid();

        stack.restart(MONGO);

        assertThat(stack.process(MONGO).orElseThrow().pid()).isNotEqualTo(before);
        try (MongoClient client = RealClients.mongo(stack)) {
            assertThat(RealClients.collection(client).find(new Document("_id", "restart-case")).first())
                    .containsEntry("prisonCode", "LPI");
        }
    }

    @Test
    void theAuthServerIssuesARoleTokenWhoseIssuerIsTheStacksOwn() {
        Document claims = RealClients.claims(stack.accessToken("caseworker"));

        assertThat(claims.getString("iss")).isEqualTo(stack.issuerUri());
        assertThat(claims.getList("roles", String.class)).containsExactly("RESETTLEMENT_CASEWORKER");
        // usable at the four services, and nowhere else
        assertThat(claims.getList("aud", String.class)).containsExactlyInAnyOrder("resettlement-service",
                "community-payback-service", "referral-service", "notifications-service");
    }

    @Test
    void aTokenAskedForOneServiceNamesOnlyThatService() {
        Document claims = RealClients.claims(stack.accessToken("caseworker", "referral-service"));

        Object aud = claims.get("aud");
        assertThat(aud instanceof List<?> list ? list : List.of(aud)).containsExactly("referral-service");
    }

    /** The console's hints name real clients with their own secrets: each one's printed line gives its role. */
    @Test
    void theSummaryPrintsEachDevClientWithItsOwnSecretAndItWorks() {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        StackSummary.print(stack, new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        String summary = printed.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(summary).contains("curl -s -u caseworker:caseworker-dev-secret -d grant_type=client_credentials "
                + stack.tokenUri(), "sar-data-access:sar-data-access-dev-secret", "-d resource=referral-service");
        for (DevClientHints.Hint hint : DevClientHints.ROLES) {
            assertThat(summary).contains(hint.clientId() + ":" + hint.clientId() + "-dev-secret");
            String role = hint.role().split(" ")[0];
            assertThat(RealClients.claims(stack.accessToken(hint.clientId())).getList("roles", String.class))
                    .as(hint.clientId()).contains(role);
        }
    }

    @Test
    void aProviderTokenCarriesItsProviderCode() {
        Document claims = RealClients.claims(stack.accessToken("provider-st-giles-trust"));

        assertThat(claims.getList("roles", String.class)).containsExactly("PROVIDER");
        assertThat(claims.getString("provider")).isEqualTo("ST_GILES_TRUST");
    }
}
