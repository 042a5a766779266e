package uk.probation.gate.resettlement.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.resettlement.domain.Deadlines;

/**
 * Receptions and transfers. A reception opens a case once: the same person and reception date always give the
 * same case. A transfer between resettlement prisons moves the case; a transfer out of them closes it.
 */
@Service
public class Receptions {

    private static final Logger log = LoggerFactory.getLogger(Receptions.class);

    public record Opened(ResettlementCase resettlementCase, boolean isNew) {
    }

    private final Cases cases;
    private final MongoTemplate mongo;
    private final Events events;
    private final ResettlementProperties properties;
    private final Deadlines deadlines;
    private final Clock clock;
    private final MeterRegistry meters;

    Receptions(Cases cases, MongoTemplate mongo, Events events, ResettlementProperties properties, Deadlines deadlines,
            Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.mongo = mongo;
        this.events = events;
        this.properties = properties;
        this.deadlines = deadlines;
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
        ResettlementCase opened = new ResettlementCase(UUID.randomUUID().toString(), reception, deadlines,
                clock.instant(), Actors.current());
        CaseEvents.received(opened, events);
        try {
            cases.save(opened);
        } catch (DuplicateKeyException concurrentReception) {
            return new Opened(find(reception), false);
        }
        Counter.builder("resettlement.cases.received").description("Cases opened on reception")
                .tag("prison", reception.prisonCode()).tag("sex", String.valueOf(reception.sex())).register(meters)
                .increment();
        return new Opened(opened, true);
    }

    /**
     * A transfer into {@code toPrisonCode}: between resettlement prisons the open case moves; out of them it
     * closes as TRANSFERRED; into one with no open case, it is a reception.
     */
    public void transferIn(String prisonNumber, String toPrisonCode, LocalDate on, Reception asReception) {
        ResettlementCase open = cases.openCaseOf(prisonNumber);
        if (open == null) {
            if (isResettlementPrison(toPrisonCode)) {
                receive(asReception);
            }
            return;
        }
        if (toPrisonCode.equals(open.getPrisonCode())) {
            return;
        }
        if (isResettlementPrison(toPrisonCode)) {
            open.moveTo(toPrisonCode, on, clock.instant(), Actors.current());
        } else {
            String from = open.getPrisonCode();
            open.transferOut(toPrisonCode, on, deadlines, clock.instant(), Actors.current());
            CaseEvents.transferred(open, from, events);
        }
        cases.save(open);
        log.debug("Case {} transferred to {}", open.getId(), toPrisonCode);
    }

    private ResettlementCase find(Reception reception) {
        return mongo.findOne(query(where("prisonNumber").is(reception.prisonNumber())
                .and("receivedOn").is(reception.receivedOn())), ResettlementCase.class);
    }
}
