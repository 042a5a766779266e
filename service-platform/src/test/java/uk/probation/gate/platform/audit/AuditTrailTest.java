package uk.probation.gate.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.AggregateSnapshots;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.OutboxEvent;
import uk.probation.gate.platform.outbox.OutboxRelay;
import uk.probation.gate.platform.test.EmbeddedInfrastructure;

/** Every aggregate save leaves one audit row naming the caller and the fields it changed (Mongo wire server). */
class AuditTrailTest {

    @Document("widgets")
    static class Widget extends AggregateDocument {
        String colour;
        Integer size;
        String note;

        Widget() {
        }

        Widget(String id) {
            super(id);
        }
    }

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(
            EmbeddedInfrastructure.get().mongoUri("audit")), "audit-" + UUID.randomUUID());
    private final AuditTrail audit = new AuditTrail(mongo, Clock.systemUTC());
    private final AggregateStore store;

    AuditTrailTest() {
        mongo.setEntityCallbacks(EntityCallbacks.create(new AggregateSnapshots()));
        OutboxRelay relay = new OutboxRelay(mongo, (org.springframework.data.mongodb.core.mapping.MongoMappingContext)
                mongo.getConverter().getMappingContext(), event -> CompletableFuture.completedFuture(null),
                new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofSeconds(1));
        store = new AggregateStore(mongo, relay, audit);
        audit.createIndexes();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    private static void signIn(String subject, String client) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(subject).claim("client_id", client)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }

    @Test
    void createThenUpdateNamesTheActorTheClientAndOnlyTheFieldsThatChanged() {
        signIn("cw.leeds", "web-app");
        MDC.put(AuditTrail.CORRELATION_ID, "corr-1");
        Widget widget = new Widget("w-1");
        widget.colour = "red";
        widget.size = 3;
        store.save(widget);

        Widget loaded = store.findById("w-1", Widget.class);
        loaded.size = 4;
        loaded.note = "bigger";
        loaded.registerEvent(new OutboxEvent(UUID.randomUUID().toString(), "widget.resized", "t", "k", "s",
                "/schemas/x/v1.json", Instant.now(), "{}"));
        store.save(loaded);

        loaded.colour = "red"; // the same value again: nothing changed, no row
        store.save(loaded);

        List<AuditEntry> rows = audit.find("w-1", null, null, null, 0, 20).items();
        assertThat(rows).hasSize(2);
        AuditEntry update = rows.get(0);
        assertThat(update.action()).isEqualTo("updated");
        assertThat(update.actor()).isEqualTo("cw.leeds");
        assertThat(update.client()).isEqualTo("web-app");
        assertThat(update.changedFields()).containsExactly("note", "size");
        assertThat(update.events()).containsExactly("widget.resized");
        assertThat(update.correlationId()).isEqualTo("corr-1");
        AuditEntry create = rows.get(1);
        assertThat(create.action()).isEqualTo("created");
        assertThat(create.changedFields()).containsExactlyInAnyOrder("colour", "size");
    }

    @Test
    void outsideARequestTheActorIsTheSystemAndTheCauseIsTheEvent() {
        MDC.put(AuditTrail.CAUSE, "event resettlement.plan.completed");
        Widget widget = new Widget("w-2");
        widget.colour = "blue";
        store.save(widget);
        store.delete(widget);

        List<AuditEntry> rows = audit.find("w-2", "system", null, null, 0, 20).items();
        assertThat(rows).extracting(AuditEntry::action).containsExactly("deleted", "created");
        assertThat(rows).allSatisfy(row -> assertThat(row.operation()).isEqualTo("event resettlement.plan.completed"));
    }

    @Test
    void aPersonsIdentifierAsARecordIdIsKeptAsAPseudonymYetFoundByTheIdentifier() {
        signIn("sar-data-access", "sar-data-access");
        audit.record("subject_access_requests", "A1234BC", "read", List.of("cases"));
        audit.record("people", "X123456", "deleted", List.of());

        AuditEntry row = audit.find("A1234BC", null, null, null, 0, 20).items().get(0);
        assertThat(row.entityId()).startsWith("person-").doesNotContain("A1234BC");
        audit.record("notifications", "evt-9:X123456", "created", List.of("status"));
        assertThat(audit.find("evt-9:X123456", null, null, null, 0, 20).items()).singleElement()
                .satisfies(r -> assertThat(r.entityId()).startsWith("evt-9:person-").doesNotContain("X123456"));
        assertThat(audit.find("X123456", null, null, null, 0, 20).items()).extracting(AuditEntry::action)
                .containsExactly("deleted");
        assertThat(audit.find("cases-1", null, null, null, 0, 20).total()).as("other ids kept as they are").isZero();
        assertThat(mongo.findAll(org.bson.Document.class, AuditTrail.COLLECTION).toString())
                .doesNotContain("A1234BC").doesNotContain("X123456");
        assertThat(new AuditTrail(mongo, Clock.systemUTC(), "another-key").entityKey("A1234BC"))
                .as("keyed: not a plain hash anyone can recompute").isNotEqualTo(row.entityId());
    }

    @Test
    void rowsAreFoundByActorAndTimeAndOldOnesArePurged() {
        signIn("admin.one", "web-app");
        audit.record("routing_rules", "rule-1", "updated", List.of("providerCode"));
        signIn("admin.two", "web-app");
        audit.record("routing_rules", "rule-1", "updated", List.of("need"));

        assertThat(audit.find(null, "admin.one", null, null, 0, 20).items()).extracting(AuditEntry::changedFields)
                .containsExactly(List.of("providerCode"));
        Instant later = Instant.now().plusSeconds(60);
        assertThat(audit.find("rule-1", null, later, null, 0, 20).total()).isZero();
        assertThat(audit.find("rule-1", null, null, later, 0, 20).total()).isEqualTo(2);
        assertThat(audit.find("rule-1", null, null, null, 1, 1).items()).extracting(AuditEntry::actor)
                .containsExactly("admin.one");

        assertThat(audit.purgeBefore(later)).isEqualTo(2);
        assertThat(audit.find("rule-1", null, null, null, 0, 20).total()).isZero();
    }
}
