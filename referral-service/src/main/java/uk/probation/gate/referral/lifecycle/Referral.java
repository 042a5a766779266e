package uk.probation.gate.referral.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.referral.PersonReference;
import uk.probation.gate.contracts.referral.ReferralAccepted;
import uk.probation.gate.contracts.referral.ReferralClosed;
import uk.probation.gate.contracts.referral.ReferralCreated;
import uk.probation.gate.contracts.referral.ReferralDeclined;
import uk.probation.gate.contracts.referral.ReferralErased;
import uk.probation.gate.contracts.referral.ReferralEscalated;
import uk.probation.gate.contracts.referral.ReferralOutcomeRecorded;
import uk.probation.gate.contracts.referral.ReferralSent;
import uk.probation.gate.contracts.referral.ReferralStarted;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.referral.domain.Achievement;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingCriteria;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.domain.Stage;
import uk.probation.gate.referral.person.CaseDetails;

/**
 * One need of one person, referred to one provider at a time. Each step registers its own lifecycle event on
 * referral.events in the referral's outbox, in the method that takes it (ADR 0016): identifiers and codes only, keyed
 * by the person.
 */
@Document("referrals")
// a provider's inbox tab: its referrals in the tab's statuses, counted from the index alone; overdue, answered late or
// due from a day, each one range of it read in its order (ADR 0013)
@CompoundIndex(name = "inbox_by_day", def = "{'providerCode': 1, 'status': 1, 'respondBy': 1, 'createdAt': 1}")
// a provider's closed referrals, newest first, read in this index's order
@CompoundIndex(name = "provider_newest", def = "{'providerCode': 1, 'status': 1, 'createdAt': -1}")
// retention: the closed referrals whose period ended, one range of this index (ADR 0013); a missing closedAt (closed
// before it was kept) is indexed as null
@CompoundIndex(name = "closed_at", def = "{'status': 1, 'closedAt': 1}")
public class Referral extends AggregateDocument {

    public enum Source { PLAN, MANUAL }

    /** A provider that had the referral and let it go: declined, or did not respond in time. */
    public record Decline(String providerCode, String reason, Instant at) {
    }

    /**
     * One step of the referral's life: the status it reached, when, and who took it ({@code by}: the caller's token
     * subject, or "system" for routing and escalations); with the provider, a decline's reason or an outcome.
     */
    public record HistoryEntry(ReferralStatus status, Instant at, String by, String providerCode, String reason,
            Outcome outcome) {
    }

    /** A stage that passed its day (and the grace): escalated once, at {@code at}, while {@code providerCode} held it. */
    public record Escalation(Stage stage, LocalDate dueBy, Instant at, String providerCode) {
    }

    /** One desired outcome answered in the end-of-service report; {@code note} is free text. */
    public record AchievementEntry(String desiredOutcome, Achievement achieved, String note) {
    }

    /** What the provider achieved against each desired outcome, recorded when it closed the referral. */
    public record EndOfServiceReport(List<AchievementEntry> achievements, String summary, String recordedBy,
            Instant recordedAt) {
    }

    @Indexed(name = "prisonNumber", sparse = true)
    private String prisonNumber;
    private String crn;
    private Need need;
    private Source source;
    @Indexed(name = "caseId", sparse = true)
    private String caseId;
    private String prisonCode;
    private String areaCode;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    @Indexed(name = "status")
    private ReferralStatus status;
    @Indexed(name = "providerCode", sparse = true)
    private String providerCode;
    private LocalDate respondBy;
    private Integer startDays;
    private Integer outcomeDays;
    private LocalDate startBy;
    private LocalDate outcomeBy;
    private Instant createdAt;
    private Instant sentAt;
    private Instant acceptedAt;
    private Instant startedAt;
    private Outcome outcome;
    private String closedReason;
    /** When it closed for good (CLOSED or UNROUTABLE): its retention counts from here. */
    private Instant closedAt;
    private String previousCaseId;
    private List<String> desiredOutcomes = new ArrayList<>();
    private EndOfServiceReport endOfServiceReport;
    private List<Decline> declines = new ArrayList<>();
    private List<Escalation> escalations = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();
    private LocalDate erasedOn;

    protected Referral() {
    }

    /** A new referral, not yet routed: {@code referral.referral.created}. */
    Referral(String id, String prisonNumber, String crn, Need need, Source source, String caseId, String prisonCode,
            String areaCode, Sex sex, RiskOfSeriousHarm risk, String responsibleOfficerCode, List<String> desiredOutcomes,
            Instant now, String by, Events events) {
        super(id);
        this.desiredOutcomes = desiredOutcomes == null ? new ArrayList<>() : new ArrayList<>(desiredOutcomes);
        this.prisonNumber = prisonNumber;
        this.crn = crn;
        this.need = need;
        this.source = source;
        this.caseId = caseId;
        this.prisonCode = prisonCode;
        this.areaCode = areaCode;
        this.sex = sex;
        this.riskOfSeriousHarm = risk;
        this.responsibleOfficerCode = responsibleOfficerCode;
        this.status = ReferralStatus.CREATED;
        this.createdAt = now;
        record(now, by, null, null, null);
        registerEvent(events.of(EventType.REFERRAL_CREATED, personKey(), new ReferralCreated(getId(), person(),
                need.name(), source.name(), caseId, prisonCode, areaCode, name(sex), name(riskOfSeriousHarm),
                responsibleOfficerCode)));
    }

    private void record(Instant at, String by, String provider, String reason, Outcome outcomeRecorded) {
        history.add(new HistoryEntry(status, at, by, provider, reason, outcomeRecorded));
    }

    RoutingCriteria criteria() {
        return new RoutingCriteria(need, prisonCode, areaCode, sex, riskOfSeriousHarm);
    }

    List<String> providersTried() {
        List<String> tried = new ArrayList<>(declines.stream().map(Decline::providerCode).toList());
        if (providerCode != null) {
            tried.add(providerCode);
        }
        return tried;
    }

    /**
     * Routing is the service's own doing: recorded as by "system". The rule's stage days (or the defaults) are
     * kept for the deadlines to come. {@code referral.referral.sent}.
     */
    void sentTo(RoutingRule rule, LocalDate respondBy, int startDays, int outcomeDays, Instant now, Events events) {
        this.providerCode = rule.providerCode();
        this.respondBy = respondBy;
        this.startDays = startDays;
        this.outcomeDays = outcomeDays;
        this.sentAt = now;
        this.status = ReferralStatus.SENT;
        record(now, Referrals.SYSTEM, providerCode, null, null);
        registerEvent(events.of(EventType.REFERRAL_SENT, personKey(), new ReferralSent(getId(), person(),
                need.name(), providerCode, respondBy, source.name(), caseId, prisonCode, areaCode, name(sex),
                responsibleOfficerCode)));
    }

    /**
     * No rule matches the new referral: it closes for good as UNROUTABLE ({@code referral.referral.closed}, reason
     * UNROUTABLE).
     */
    void unroutable(Instant now, Events events) {
        becomeUnroutable(now);
        closedEvent("UNROUTABLE", events);
    }

    private void becomeUnroutable(Instant now) {
        this.providerCode = null;
        this.respondBy = null;
        this.status = ReferralStatus.UNROUTABLE;
        this.closedAt = now;
        record(now, Referrals.SYSTEM, null, null, null);
    }

    /**
     * The current provider lets the referral go (declined, or no response in time): {@code referral.referral.declined}
     * naming that provider. With {@code noProviderLeft} (no other rule matches) the referral becomes UNROUTABLE, which
     * the declined event says ({@code unroutable}); otherwise it waits to be {@link #sentTo sent} to the next one.
     */
    void letGo(String reason, Instant now, String by, boolean noProviderLeft, Events events) {
        declines.add(new Decline(providerCode, reason, now));
        this.status = ReferralStatus.DECLINED;
        record(now, by, providerCode, reason, null);
        registerEvent(events.of(EventType.REFERRAL_DECLINED, personKey(), new ReferralDeclined(getId(), person(),
                need.name(), providerCode, reason, noProviderLeft, caseId, prisonCode, areaCode, name(sex),
                responsibleOfficerCode)));
        if (noProviderLeft) {
            becomeUnroutable(now);
        }
    }

    /**
     * {@code defaultStartDays} when the referral was sent before rules carried stage days.
     * {@code referral.referral.accepted} with the day it should start by.
     */
    void accepted(Instant now, String by, LocalDate today, int defaultStartDays, Events events) {
        this.acceptedAt = now;
        this.startBy = today.plusDays(startDays != null ? startDays : defaultStartDays);
        this.status = ReferralStatus.ACCEPTED;
        record(now, by, providerCode, null, null);
        registerEvent(events.of(EventType.REFERRAL_ACCEPTED, personKey(), new ReferralAccepted(getId(), person(),
                need.name(), providerCode, caseId, prisonCode, areaCode, name(sex), responsibleOfficerCode,
                startBy)));
    }

    /** {@code referral.referral.started} with the day its outcome is due by. */
    void started(Instant now, String by, LocalDate today, int defaultOutcomeDays, Events events) {
        this.startedAt = now;
        this.outcomeBy = today.plusDays(outcomeDays != null ? outcomeDays : defaultOutcomeDays);
        this.status = ReferralStatus.IN_PROGRESS;
        record(now, by, providerCode, null, null);
        registerEvent(events.of(EventType.REFERRAL_STARTED, personKey(), new ReferralStarted(getId(), person(),
                need.name(), providerCode, caseId, prisonCode, areaCode, name(sex), responsibleOfficerCode,
                outcomeBy)));
    }

    /** {@code referral.referral.outcome.recorded}. */
    void outcomeRecorded(Outcome recorded, Instant now, String by, Events events) {
        this.outcome = recorded;
        this.status = ReferralStatus.OUTCOME_RECORDED;
        record(now, by, providerCode, null, recorded);
        registerEvent(events.of(EventType.REFERRAL_OUTCOME_RECORDED, personKey(), new ReferralOutcomeRecorded(
                getId(), person(), need.name(), providerCode, outcome.name(), caseId, prisonCode, areaCode,
                name(sex), responsibleOfficerCode)));
    }

    void reported(EndOfServiceReport report) {
        this.endOfServiceReport = report;
    }

    /** The case's details were completed or corrected: an open referral takes them for what comes next. */
    void detailsUpdated(CaseDetails details) {
        this.crn = details.crn() != null ? details.crn() : crn;
        this.prisonCode = prisonCode != null && details.prisonCode() != null ? details.prisonCode() : prisonCode;
        this.sex = details.sex() != null ? details.sex() : sex;
        this.riskOfSeriousHarm = details.riskOfSeriousHarm() != null ? details.riskOfSeriousHarm()
                : riskOfSeriousHarm;
        this.responsibleOfficerCode = details.responsibleOfficerCode() != null ? details.responsibleOfficerCode()
                : responsibleOfficerCode;
    }

    /** The case was superseded by a later reception's case: the open referral goes with the person. */
    void movedTo(String newCaseId) {
        this.previousCaseId = caseId;
        this.caseId = newCaseId;
    }

    /** The current stage, if a deadline runs for it. */
    public Stage stage() {
        return Stage.of(status);
    }

    /** The current stage's day: respondBy, startBy or outcomeBy. */
    public LocalDate stageDueBy() {
        Stage stage = stage();
        return stage == null ? null : switch (stage) {
            case RESPONSE -> respondBy;
            case START -> startBy;
            case OUTCOME -> outcomeBy;
        };
    }

    /** The current stage was already escalated (once per stage and day). */
    boolean escalated(Stage stage, LocalDate dueBy) {
        return escalations.stream().anyMatch(e -> e.stage() == stage && e.dueBy().equals(dueBy));
    }

    /** A stage passed its day: escalated and announced once per stage ({@code referral.referral.escalated}). */
    void escalate(Stage stage, LocalDate dueBy, Instant now, Events events) {
        escalations.add(new Escalation(stage, dueBy, now, providerCode));
        registerEvent(events.of(EventType.REFERRAL_ESCALATED, personKey(), new ReferralEscalated(getId(), person(),
                need.name(), providerCode, stage.name(), dueBy, caseId, prisonCode, areaCode, name(sex),
                responsibleOfficerCode)));
    }

    /**
     * Closed for good: {@code referral.referral.closed} with the {@code reason} (OUTCOME_RECORDED, or WITHDRAWN: the
     * plan no longer needs it), saying whether the provider closed it with an end-of-service report.
     */
    void closed(String reason, Instant now, String by, Events events) {
        this.closedReason = reason;
        this.status = ReferralStatus.CLOSED;
        this.closedAt = now;
        record(now, by, providerCode, reason, null);
        closedEvent(reason, events);
    }

    private void closedEvent(String reason, Events events) {
        registerEvent(events.of(EventType.REFERRAL_CLOSED, personKey(), new ReferralClosed(getId(), person(),
                need.name(), providerCode, reason, name(outcome), caseId, prisonCode, areaCode, name(sex),
                responsibleOfficerCode, endOfServiceReport != null ? Boolean.TRUE : null)));
    }

    /**
     * The tombstone: everything about the person (identifiers, codes, dates, history, report) is dropped; the id,
     * need, case and last provider stay until the erased event is published and the tombstone is deleted.
     * {@code referral.referral.erased} is registered first: the last event naming the person, in the tombstone's
     * outbox.
     */
    void erased(LocalDate on, Events events) {
        registerEvent(events.of(EventType.REFERRAL_ERASED, personKey(), new ReferralErased(getId(), person(), caseId,
                providerCode, on)));
        prisonNumber = null;
        crn = null;
        prisonCode = null;
        areaCode = null;
        sex = null;
        riskOfSeriousHarm = null;
        responsibleOfficerCode = null;
        respondBy = null;
        startDays = null;
        outcomeDays = null;
        startBy = null;
        outcomeBy = null;
        createdAt = null;
        sentAt = null;
        acceptedAt = null;
        startedAt = null;
        outcome = null;
        closedReason = null;
        previousCaseId = null;
        desiredOutcomes = new ArrayList<>();
        endOfServiceReport = null;
        declines = new ArrayList<>();
        escalations = new ArrayList<>();
        history = new ArrayList<>();
        status = ReferralStatus.ERASED;
        erasedOn = on;
    }

    public boolean isErased() {
        return status == ReferralStatus.ERASED;
    }

    public LocalDate getErasedOn() {
        return erasedOn;
    }

    /** The current stage is past its day: still SENT after respondBy, ACCEPTED after startBy, IN_PROGRESS after outcomeBy. */
    public boolean overdue(LocalDate today) {
        LocalDate dueBy = stageDueBy();
        return dueBy != null && dueBy.isBefore(today);
    }

    private PersonReference person() {
        return new PersonReference(prisonNumber, crn);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The Kafka key and subject: the prison number when known, else the CRN. */
    public String personKey() {
        return prisonNumber != null ? prisonNumber : crn;
    }

    public String getPrisonNumber() {
        return prisonNumber;
    }

    public String getCrn() {
        return crn;
    }

    public Need getNeed() {
        return need;
    }

    public Source getSource() {
        return source;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getPrisonCode() {
        return prisonCode;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public Sex getSex() {
        return sex;
    }

    public RiskOfSeriousHarm getRiskOfSeriousHarm() {
        return riskOfSeriousHarm;
    }

    public String getResponsibleOfficerCode() {
        return responsibleOfficerCode;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public String getProviderCode() {
        return providerCode;
    }

    public LocalDate getRespondBy() {
        return respondBy;
    }

    public LocalDate getStartBy() {
        return startBy;
    }

    public LocalDate getOutcomeBy() {
        return outcomeBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getPreviousCaseId() {
        return previousCaseId;
    }

    public List<String> getDesiredOutcomes() {
        return desiredOutcomes;
    }

    public EndOfServiceReport getEndOfServiceReport() {
        return endOfServiceReport;
    }

    public List<Escalation> getEscalations() {
        return escalations;
    }

    /**
     * When it closed for good, or null while open; for one closed before the day was kept, its history's last
     * closing entry.
     */
    public Instant closedAt() {
        if (status != ReferralStatus.CLOSED && status != ReferralStatus.UNROUTABLE) {
            return null;
        }
        if (closedAt != null) {
            return closedAt;
        }
        Instant last = null;
        for (HistoryEntry entry : history) {
            if (entry.status() == status && entry.at() != null) {
                last = entry.at();
            }
        }
        return last != null ? last : createdAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getClosedReason() {
        return closedReason;
    }

    public List<Decline> getDeclines() {
        return declines;
    }

    public List<HistoryEntry> getHistory() {
        return history;
    }
}
