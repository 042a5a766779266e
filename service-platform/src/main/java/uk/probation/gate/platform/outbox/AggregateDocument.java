package uk.probation.gate.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * A MongoDB document that is the unit of consistency: its state, the events its changes caused (the outbox) and
 * the ids of the events it has consumed are written together in one atomic single-document update.
 */
public abstract class AggregateDocument {

    /** Enough to absorb redelivery and replay; older duplicates are stopped by natural keys. */
    static final int PROCESSED_EVENTS_KEPT = 200;

    /** A retry comes within the idempotency lease of its attempt, long before this many later changes. */
    static final int APPLIED_REQUESTS_KEPT = 20;

    @Id
    private String id;

    @Version
    private Long version;

    private List<OutboxEvent> outbox = new ArrayList<>();

    /**
     * True while the outbox may hold events (set by the save that adds them, cleared by the relay when it empties
     * the outbox), absent otherwise: the relay's sweep finds pending work through an index on this field instead of
     * reading every document (ADR 0013).
     */
    private Boolean outboxPending;

    /** Events registered since this document was loaded: the only ones a save appends to the stored outbox. */
    @Transient
    private List<OutboxEvent> newEvents = new ArrayList<>();

    private List<String> processedEventIds = new ArrayList<>();

    /** The keyed requests (their idempotency record ids) whose changes this document holds, newest last. */
    private List<String> appliedRequests = new ArrayList<>();

    /** The stored state this document was read from, to name the fields a save changes in the audit trail. */
    @Transient
    private org.bson.Document loadedState;

    protected AggregateDocument() {
    }

    protected AggregateDocument(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public List<OutboxEvent> getOutbox() {
        return outbox;
    }

    /**
     * Puts an event in the outbox, to be written by the next save with the change that caused it. Called only by the
     * aggregate itself, from the method that makes that change (ADR 0016): a service's {@code ArchitectureTest} fails
     * when any other class calls it. Public for the platform's own tests.
     */
    public void registerEvent(OutboxEvent event) {
        outbox.add(event);
        newEvents.add(event);
        outboxPending = true;
    }

    List<OutboxEvent> newEvents() {
        return newEvents;
    }

    org.bson.Document loadedState() {
        return loadedState;
    }

    void loadedFrom(org.bson.Document state) {
        loadedState = state;
    }

    void saved(long newVersion) {
        version = newVersion;
        newEvents = new ArrayList<>();
    }

    public boolean hasProcessed(String eventId) {
        return processedEventIds.contains(eventId);
    }

    /** Records a consumed event id; false if it was already recorded, i.e. the event is a duplicate. */
    public boolean markProcessed(String eventId) {
        if (hasProcessed(eventId)) {
            return false;
        }
        processedEventIds.add(eventId);
        if (processedEventIds.size() > PROCESSED_EVENTS_KEPT) {
            processedEventIds.remove(0);
        }
        return true;
    }

    /** Whether the keyed request with this idempotency record id changed this document. */
    public boolean hasApplied(String requestId) {
        return appliedRequests != null && appliedRequests.contains(requestId);
    }

    void applied(String requestId) {
        if (appliedRequests == null) {
            appliedRequests = new ArrayList<>();
        }
        if (!appliedRequests.contains(requestId)) {
            appliedRequests.add(requestId);
            if (appliedRequests.size() > APPLIED_REQUESTS_KEPT) {
                appliedRequests.remove(0);
            }
        }
    }
}
