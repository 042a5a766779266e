package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.resettlement.domain.WorkingDays;

/** Opens a case for a reception, once: the same person and reception date always give the same case. */
@Service
public class Receptions {

    public record Opened(ResettlementCase resettlementCase, boolean isNew) {
    }

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Events events;
    private final ResettlementProperties properties;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final MeterRegistry meters;

    Receptions(AggregateStore store, MongoTemplate mongo, Events events, ResettlementProperties properties,
            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.mongo = mongo;
        this.events = events;
        this.properties = properties;
        this.workingDays = new WorkingDays(java.util.Set.copyOf(properties.bankHolidays()));
        this.clock = clock;
        this.meters = meters;
    }

    public boolean isResettlementPrison(String prisonCode) {
        return properties.prisons().contains(prisonCode);
    }

    public boolean isWomensPrison(String prisonCode) {
        return properties.womensPrisons().contains(prisonCode);
    }

    public Opened receive(Reception reception) {
        ResettlementCase existing = find(reception);
        if (existing != null) {
            return new Opened(existing, false);
        }
        ResettlementCase opened = new ResettlementCase(UUID.randomUUID().toString(), reception,
                workingDays.plus(reception.receivedOn(), properties.screeningWorkingDays()), clock.instant());
        opened.registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_RECEIVED, reception.prisonNumber(),
                new PrisonerReceived(opened.getId(), reception.prisonNumber(), reception.crn(),
                        reception.prisonCode(), reception.receivedOn(), reception.expectedReleaseDate(),
                        reception.sex().name(),
                        reception.riskOfSeriousHarm() == null ? null : reception.riskOfSeriousHarm().name(),
                        reception.responsibleOfficerCode(), opened.getScreeningDueBy())));
        try {
            store.save(opened);
        } catch (DuplicateKeyException concurrentReception) {
            return new Opened(find(reception), false);
        }
        Counter.builder("resettlement.cases.received").description("Cases opened on reception")
                .tag("prison", reception.prisonCode()).tag("sex", reception.sex().name()).register(meters)
                .increment();
        return new Opened(opened, true);
    }

    public ResettlementCase get(String caseId) {
        return store.findById(caseId, ResettlementCase.class);
    }

    private ResettlementCase find(Reception reception) {
        return mongo.findOne(query(where("prisonNumber").is(reception.prisonNumber())
                .and("receivedOn").is(reception.receivedOn())), ResettlementCase.class);
    }
}
