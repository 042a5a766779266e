package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.metrics.Labels;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.failure.OutsideReach;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.resettlement.ResettlementProperties;
import uk.probation.gate.resettlement.domain.Deadlines;

/**
 * Receptions and transfers. One open case per person (ADR 0007): the same person and reception date always give the
 * same case (a repeat fills in what the case lacks); a later reception supersedes the open case and opens a new one;
 * an earlier one is refused. A transfer between resettlement prisons moves the case; a transfer out closes it.
 */
@Service
public class Receptions {

    private static final Logger log = LoggerFactory.getLogger(Receptions.class);

    /**
     * What a reception did: opened a new case, found the case of this reception (filled in or not), or was refused
     * because the person's open case was received later ({@code earlierThanOpenCase}, with that case).
     */
    public record Opened(ResettlementCase resettlementCase, boolean isNew, boolean earlierThanOpenCase) {
    }

    private final CaseStore cases;
    private final MongoTemplate mongo;
    private final Events events;
    private final ResettlementProperties properties;
    private final Deadlines deadlines;
    private final Clock clock;
    private final MeterRegistry meters;

    Receptions(CaseStore cases, MongoTemplate mongo, Events events, ResettlementProperties properties, Deadlines deadlines,
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

    /** An HMPPS admission is a recall when its NOMIS movement reason is a configured recall reason. */
    public boolean isRecall(String nomisMovementReasonCode, String probableCause) {
        return "RECALL".equalsIgnoreCase(probableCause) || nomisMovementReasonCode != null
                && properties.recallMovementReasons().contains(nomisMovementReasonCode);
    }

    /**
     * A caseworker's reception. The domain decides whether it can be recorded: at a resettlement prison, with an
     * expected release date (if any) after the day received, else {@link RuleViolated} naming every field at fault;
     * at one of the caller's prisons, else {@link OutsideReach} naming {@code prisonCode}. Nothing is changed when
     * either is thrown.
     */
    public Opened receive(Reception reception) {
        List<Violation> errors = new ArrayList<>();
        if (!isResettlementPrison(reception.prisonCode())) {
            errors.add(new Violation("prisonCode", "is not a resettlement prison"));
        }
        if (reception.expectedReleaseDate() != null
                && !reception.expectedReleaseDate().isAfter(reception.receivedOn())) {
            errors.add(new Violation("expectedReleaseDate", "must be after the day the person was received"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolated("The reception cannot be recorded", errors);
        }
        if (!Caller.current().reachesPrison(reception.prisonCode())) {
            throw new OutsideReach("You can only record receptions at your own prisons", "prisonCode",
                    "is not one of your prisons");
        }
        return open(reception);
    }

    /**
     * An HMPPS reception: one into a prison that is not a resettlement prison is none of ours and is ignored;
     * otherwise as {@link #receive}, but one earlier than the person's open case is ignored (and counted) rather than
     * refused: the feed cannot be answered.
     */
    public void receiveFromPrison(Reception reception) {
        if (!isResettlementPrison(reception.prisonCode())) {
            log.debug("Reception at {} is not at a resettlement prison; ignored", Labels.prison(reception.prisonCode()));
            return;
        }
        Opened opened = open(reception);
        if (opened.earlierThanOpenCase()) {
            Counter.builder("resettlement.receptions.ignored")
                    .description("HMPPS receptions dated before the person's open case, ignored")
                    .tag("prison", Labels.prison(reception.prisonCode())).register(meters).increment();
            log.info("Reception at {} is earlier than the open case {}; ignored", Labels.prison(reception.prisonCode()),
                    opened.resettlementCase().getId());
        }
    }

    /** A reception at a resettlement prison, from either source. */
    private Opened open(Reception reception) {
        ResettlementCase existing = find(reception);
        if (existing != null) {
            return new Opened(completeFromRepeat(existing, reception), false, false);
        }
        ResettlementCase open = cases.openCaseOf(reception.prisonNumber());
        if (open != null && open.getReceivedOn().isAfter(reception.receivedOn())) {
            return new Opened(open, false, true);
        }
        ResettlementCase previous = open != null ? open
                : cases.lastCaseBefore(reception.prisonNumber(), reception.receivedOn());
        Reception completed = previous == null ? reception : reception.carryingForward(previous, open != null);
        ResettlementCase opened = new ResettlementCase(UUID.randomUUID().toString(), completed, deadlines,
                clock.instant(), Actors.current(), events);
        try {
            cases.save(opened);
        } catch (DuplicateKeyException concurrentReception) {
            return new Opened(find(reception), false, false);
        }
        Counter.builder("resettlement.cases.received").description("Cases opened on reception")
                .tag("prison", Labels.prison(completed.prisonCode()))
                .tag("sex", Labels.known(String.valueOf(completed.sex()), uk.probation.gate.contracts.reference.Sex.class))
                .register(meters)
                .increment();
        supersedeOlder(opened);
        return new Opened(opened, true, false);
    }

    /** The same reception again: fills in what the case lacks, and finishes a supersede a crash interrupted. */
    private ResettlementCase completeFromRepeat(ResettlementCase existing, Reception reception) {
        if (!existing.isOpen() || !Caller.current().reachesPrison(existing.getPrisonCode())) {
            // closed, or moved to a prison outside the caller's: the caller changes nothing (the answer is 409)
            return existing;
        }
        List<String> changed = existing.fillBlanks(reception, deadlines, clock.instant(), Actors.current(), events);
        if (!changed.isEmpty()) {
            existing = cases.saveChange(existing, "the case");
        }
        supersedeOlder(existing);
        return existing;
    }

    /** Every other open case of the person, received before this one, is superseded by it. */
    private void supersedeOlder(ResettlementCase current) {
        for (ResettlementCase older : cases.openCasesOf(current.getPrisonNumber())) {
            if (older.getId().equals(current.getId()) || !older.getReceivedOn().isBefore(current.getReceivedOn())) {
                continue;
            }
            supersede(older, current);
        }
    }

    /** A colleague may be saving the old case at this moment: read it again and retry rather than fail the reception. */
    private void supersede(ResettlementCase older, ResettlementCase current) {
        ResettlementCase target = older;
        for (int attempt = 1; ; attempt++) {
            target.supersede(current.getId(), current.getReceivedOn(), deadlines, clock.instant(), Actors.current(),
                    events);
            try {
                cases.save(target);
                log.debug("Case {} superseded by {}", target.getId(), current.getId());
                return;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                target = mongo.findById(older.getId(), ResettlementCase.class);
                if (attempt == 3 || target == null || !target.isOpen()) {
                    if (attempt == 3) {
                        throw changedMeanwhile;
                    }
                    return;
                }
            }
        }
    }

    /**
     * A transfer into {@code toPrisonCode}: between resettlement prisons the open case moves; out of them it
     * closes as TRANSFERRED; into one with no open case, it is a reception.
     */
    public void transferIn(String prisonNumber, String toPrisonCode, LocalDate on, Reception asReception) {
        ResettlementCase open = cases.openCaseOf(prisonNumber);
        if (open == null) {
            if (isResettlementPrison(toPrisonCode)) {
                receiveFromPrison(asReception);
            }
            return;
        }
        if (toPrisonCode.equals(open.getPrisonCode())) {
            return;
        }
        if (isResettlementPrison(toPrisonCode)) {
            open.moveTo(toPrisonCode, on, clock.instant(), Actors.current(), events);
        } else {
            open.transferOut(toPrisonCode, on, deadlines, clock.instant(), Actors.current(), events);
        }
        cases.save(open);
        log.debug("Case {} transferred to {}", open.getId(), toPrisonCode);
    }

    private ResettlementCase find(Reception reception) {
        return mongo.findOne(query(where("prisonNumber").is(reception.prisonNumber())
                .and("receivedOn").is(reception.receivedOn())), ResettlementCase.class);
    }
}
