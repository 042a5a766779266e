package uk.probation.gate.resettlement.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import java.util.Objects;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.resettlement.CaseAllocated;
import uk.probation.gate.contracts.resettlement.CaseDeallocated;
import uk.probation.gate.contracts.resettlement.CaseErased;
import uk.probation.gate.contracts.resettlement.CaseSuperseded;
import uk.probation.gate.contracts.resettlement.CaseUpdated;
import uk.probation.gate.contracts.resettlement.PlanCompleted;
import uk.probation.gate.contracts.resettlement.PreReleaseReviewCompleted;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.contracts.resettlement.PrisonerReleased;
import uk.probation.gate.contracts.resettlement.PrisonerTransferred;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.resettlement.domain.AccommodationOnRelease;
import uk.probation.gate.resettlement.domain.Answer;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.Due;
import uk.probation.gate.resettlement.domain.EteOnRelease;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.ReviewStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/**
 * One person's Through the Gate case, from reception to release. One reception opens one case; the case carries
 * its plan, its release and what is due next, so the caseload is one query. Each change that others hear of
 * registers its own event in the case's outbox, in the method that makes it (ADR 0016): identifiers and codes only,
 * keyed by the prison number (plan notes, risk summaries and names stay here).
 */
@Document("cases")
@CompoundIndex(name = "reception", def = "{'prisonNumber': 1, 'receivedOn': 1}", unique = true)
// the caseload: a prison's cases with something due, and by when (ADR 0013): the page's count, an $or of what is due
// and an outcome still to record by a day, is answered from this index alone, and its page, soonest due first (ties by
// prison number, then id), is read in this index's order, its alternatives merged, stopping at the page (it replaces
// "caseload" and "caseload_due", which ended with the day)
@CompoundIndex(name = "caseload_order", def = "{'prisonCode': 1, 'nextDue': 1, 'nextDueBy': 1, 'prisonNumber': 1, '_id': 1}")
// retention (ADR 0013): the closed cases whose period ended, read as a range of this index, not every closed case
// (a missing closedOn is indexed as null: those are found by an equality with null)
@CompoundIndex(name = "closed_on", def = "{'status': 1, 'closedOn': 1}")
// the overdue gauges: what is due before today, counted by prison from this index alone (it replaces "nextDue", which
// found every case with that step due, overdue or not, and read each)
@CompoundIndex(name = "overdue_by_prison", def = "{'nextDue': 1, 'prisonCode': 1, 'nextDueBy': 1}", sparse = true)
// the release gauges: released cases counted by prison, sex and both statuses on release from this index alone, as
// MongoDB counts a $group over a covering index (it read every released case, 60,000 at 100,000 people)
@CompoundIndex(name = "released_groups", def = "{'status': 1, 'prisonCode': 1, 'sex': 1, "
        + "'release.accommodationOnRelease': 1, 'release.eteOnRelease': 1}")
public class ResettlementCase extends AggregateDocument {

    /** Indexed (ADR 0013): a person's cases are found by it on every reception, movement and command. */
    @Indexed(name = "prisonNumber")
    private String prisonNumber;
    private String crn;
    /** Indexed: the caseload is filtered by the caller's prisons. */
    @Indexed(name = "prisonCode")
    private String prisonCode;
    private LocalDate receivedOn;
    private LocalDate expectedReleaseDate;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    /** Indexed: the release gauges and the retention job select by status. */
    @Indexed(name = "status")
    private CaseStatus status;
    private LocalDate screeningDueBy;
    private LocalDate preReleaseReviewFrom;
    private LocalDate preReleaseReviewDueBy;
    private Boolean recall;
    /** Indexed (sparse): "my cases". */
    @Indexed(name = "allocatedTo", sparse = true)
    private String allocatedTo;
    private String allocatedToName;
    private String supersededBy;
    private Screening screening;
    private PreReleaseReview preReleaseReview;
    private Plan plan;
    private Release release;
    private Transfer transfer;
    /** The overdue gauges count what is due before today from the index {@code overdue_by_prison} (sparse). */
    private Due nextDue;
    private LocalDate nextDueBy;
    private Instant openedAt;
    /** The day the case closed (released, transferred out, superseded): its retention counts from here. */
    private LocalDate closedOn;
    /** Set on the tombstone only: the day the case's personal fields were erased. */
    private LocalDate erasedOn;
    private List<HistoryEntry> history = new ArrayList<>();

    /** The plan: the draft being edited, how often it has been completed, and who last changed it when. */
    public record Plan(List<Need> needs, String riskOfHarmSummary, int version, LocalDate completedOn,
            Boolean completedOnTime, Instant updatedAt, Actor updatedBy) {
    }

    public record Release(LocalDate releasedOn, AccommodationOnRelease accommodationOnRelease,
            EteOnRelease eteOnRelease, boolean metAtGate, boolean outcomeRecorded, String reason) {
    }

    public record Transfer(String toPrisonCode, LocalDate transferredOn) {
    }

    /** The immediate-needs screening: answers with the text of the questions version they answered. */
    public record Screening(int questionsVersion, LocalDate answeredOn, Actor answeredBy, List<Answer> answers) {
    }

    /** The completed pre-release review, answering a version of the PRE_RELEASE questions. */
    public record PreReleaseReview(LocalDate completedOn, Actor completedBy, boolean completedOnTime,
            int questionsVersion, List<Answer> answers) {
    }

    /** The details a caseworker completes or corrects (prison number, prison and reception date are not editable). */
    public record Details(String crn, LocalDate expectedReleaseDate, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm,
            String responsibleOfficerCode, boolean recall) {
    }

    /** What happened to the person, one entry per change; codes only in {@code details}, never free text. */
    public enum Happened {
        RECEIVED, PLAN_SAVED, PLAN_COMPLETED, RESPONSIBLE_OFFICER_CHANGED, RELEASED, TRANSFERRED, DETAILS_UPDATED,
        SUPERSEDED, ALLOCATED, DEALLOCATED, SCREENING_RECORDED, PRE_RELEASE_REVIEW_COMPLETED
    }

    /** One entry of the case's append-only history, written in the same save as the change it records. */
    public record HistoryEntry(Instant at, Happened type, Actor by, Map<String, Object> details) {
    }

    protected ResettlementCase() {
    }

    /** Opens the case of a reception: {@code resettlement.prisoner.received}. */
    ResettlementCase(String id, Reception reception, Deadlines deadlines, Instant openedAt, Actor by, Events events) {
        super(id);
        this.prisonNumber = reception.prisonNumber();
        this.crn = reception.crn();
        this.prisonCode = reception.prisonCode();
        this.receivedOn = reception.receivedOn();
        this.expectedReleaseDate = reception.expectedReleaseDate();
        this.sex = reception.sex();
        this.riskOfSeriousHarm = reception.riskOfSeriousHarm();
        this.responsibleOfficerCode = reception.responsibleOfficerCode();
        this.recall = reception.recall();
        this.status = CaseStatus.SCREENING_DUE;
        this.screeningDueBy = deadlines.screeningDueBy(reception.receivedOn());
        this.openedAt = openedAt;
        releaseDates(deadlines);
        refreshDue(deadlines);
        record(openedAt, Happened.RECEIVED, by, details("prisonCode", prisonCode, "receivedOn", receivedOn,
                "screeningDueBy", screeningDueBy, "recall", reception.recall() ? true : null));
        registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_RECEIVED, prisonNumber,
                new PrisonerReceived(getId(), prisonNumber, crn, prisonCode, receivedOn, expectedReleaseDate,
                        name(sex), name(riskOfSeriousHarm), responsibleOfficerCode, screeningDueBy, isRecall())));
    }

    public boolean isOpen() {
        return status != null && !status.isTerminal();
    }

    public boolean isErased() {
        return status == CaseStatus.ERASED;
    }

    /**
     * The day the case closed, or null while it is open; a case closed before {@code closedOn} was kept falls back
     * to its release or transfer date, else the day of its last change.
     */
    public LocalDate closedOn() {
        if (isOpen()) {
            return null;
        }
        if (closedOn != null) {
            return closedOn;
        }
        if (release != null && release.releasedOn() != null) {
            return release.releasedOn();
        }
        if (transfer != null && transfer.transferredOn() != null) {
            return transfer.transferredOn();
        }
        HistoryEntry last = lastChange();
        return last != null ? last.at().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                : openedAt != null ? openedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate() : receivedOn;
    }

    /**
     * The retention of the closed case ended: every field naming or describing the person goes, leaving a tombstone
     * (the id, ERASED, the day) until the erased event registered in the same save is published. The prison number
     * is replaced by a non-personal marker so the unique reception index still holds for many tombstones.
     * {@code resettlement.case.erased} is registered before the fields are stripped, so it names the person and the
     * prison, and every copy elsewhere can be deleted.
     */
    public void erase(LocalDate today, Events events) {
        if (isOpen()) {
            throw new IllegalStateException("An open case is never erased");
        }
        registerEvent(events.of(EventType.RESETTLEMENT_CASE_ERASED, prisonNumber,
                new CaseErased(getId(), prisonNumber, crn, prisonCode, today)));
        prisonNumber = "ERASED:" + getId();
        crn = null;
        prisonCode = null;
        receivedOn = null;
        expectedReleaseDate = null;
        sex = null;
        riskOfSeriousHarm = null;
        responsibleOfficerCode = null;
        screeningDueBy = null;
        preReleaseReviewFrom = null;
        preReleaseReviewDueBy = null;
        recall = null;
        allocatedTo = null;
        allocatedToName = null;
        supersededBy = null;
        screening = null;
        preReleaseReview = null;
        plan = null;
        release = null;
        transfer = null;
        nextDue = null;
        nextDueBy = null;
        openedAt = null;
        closedOn = null;
        history = null;
        status = CaseStatus.ERASED;
        erasedOn = today;
    }

    public LocalDate getErasedOn() {
        return erasedOn;
    }

    private void releaseDates(Deadlines deadlines) {
        preReleaseReviewFrom = deadlines.preReleaseReviewFrom(expectedReleaseDate);
        preReleaseReviewDueBy = deadlines.preReleaseReviewDueBy(expectedReleaseDate);
    }

    /**
     * The caseworker completes or corrects the details: the whole editable set replaces the old one. Returns the
     * names of the fields that changed (empty: nothing changed, nothing recorded, no event).
     */
    public List<String> updateDetails(Details d, Deadlines deadlines, Instant now, Actor by, Events events) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(crn, d.crn())) {
            changed.add("crn");
        }
        if (!Objects.equals(expectedReleaseDate, d.expectedReleaseDate())) {
            changed.add("expectedReleaseDate");
        }
        if (sex != d.sex()) {
            changed.add("sex");
        }
        if (riskOfSeriousHarm != d.riskOfSeriousHarm()) {
            changed.add("riskOfSeriousHarm");
        }
        if (!Objects.equals(responsibleOfficerCode, d.responsibleOfficerCode())) {
            changed.add("responsibleOfficerCode");
        }
        if (isRecall() != d.recall()) {
            changed.add("recall");
        }
        if (changed.isEmpty()) {
            return changed;
        }
        crn = d.crn();
        expectedReleaseDate = d.expectedReleaseDate();
        sex = d.sex();
        riskOfSeriousHarm = d.riskOfSeriousHarm();
        responsibleOfficerCode = d.responsibleOfficerCode();
        recall = d.recall();
        detailsChanged(changed, deadlines, now, by, events);
        return changed;
    }

    /**
     * The same reception sent again fills in what the case lacks (crn, expected release date, risk, officer);
     * values that differ from ones already held are kept (corrections go through the details). Returns what changed.
     */
    public List<String> fillBlanks(Reception r, Deadlines deadlines, Instant now, Actor by, Events events) {
        List<String> changed = new ArrayList<>();
        if (crn == null && r.crn() != null) {
            crn = r.crn();
            changed.add("crn");
        }
        if (expectedReleaseDate == null && r.expectedReleaseDate() != null) {
            expectedReleaseDate = r.expectedReleaseDate();
            changed.add("expectedReleaseDate");
        }
        if (riskOfSeriousHarm == null && r.riskOfSeriousHarm() != null) {
            riskOfSeriousHarm = r.riskOfSeriousHarm();
            changed.add("riskOfSeriousHarm");
        }
        if (responsibleOfficerCode == null && r.responsibleOfficerCode() != null) {
            responsibleOfficerCode = r.responsibleOfficerCode();
            changed.add("responsibleOfficerCode");
        }
        if (!changed.isEmpty()) {
            detailsChanged(changed, deadlines, now, by, events);
        }
        return changed;
    }

    /**
     * {@code resettlement.case.updated} with the whole current details, so a consumer can overwrite its copy;
     * {@code changedFields} says what changed.
     */
    private void detailsChanged(List<String> changed, Deadlines deadlines, Instant now, Actor by, Events events) {
        releaseDates(deadlines);
        refreshDue(deadlines);
        record(now, Happened.DETAILS_UPDATED, by, details("changedFields", List.copyOf(changed), "crn", crn,
                "expectedReleaseDate", expectedReleaseDate, "sex", sex, "riskOfSeriousHarm", riskOfSeriousHarm,
                "responsibleOfficerCode", responsibleOfficerCode, "recall", isRecall()));
        updated(changed, events);
    }

    private void updated(List<String> changedFields, Events events) {
        registerEvent(events.of(EventType.RESETTLEMENT_CASE_UPDATED, prisonNumber,
                new CaseUpdated(getId(), prisonNumber, crn, prisonCode, name(sex), receivedOn, expectedReleaseDate,
                        name(riskOfSeriousHarm), responsibleOfficerCode, isRecall(), preReleaseReviewDueBy,
                        List.copyOf(changedFields))));
    }

    /**
     * A later reception of the same person opened {@code newCaseId}: this case closes (ADR 0007) and nobody holds it
     * any more. {@code resettlement.case.superseded}, then {@code resettlement.case.deallocated} if anyone held it.
     */
    public void supersede(String newCaseId, LocalDate on, Deadlines deadlines, Instant now, Actor by,
            Events events) {
        status = CaseStatus.SUPERSEDED;
        supersededBy = newCaseId;
        closedOn = on;
        refreshDue(deadlines);
        record(now, Happened.SUPERSEDED, by, details("supersededBy", newCaseId, "receivedOn", on));
        registerEvent(events.of(EventType.RESETTLEMENT_CASE_SUPERSEDED, prisonNumber,
                new CaseSuperseded(getId(), prisonNumber, crn, prisonCode, responsibleOfficerCode, supersededBy,
                        on)));
        deallocate("SUPERSEDED", now, by, events);
    }

    /** Allocates the case to a caseworker ({@code resettlement.case.allocated}); false when it already is theirs. */
    public boolean allocate(String userId, String userName, Instant now, Actor by, Events events) {
        if (userId.equals(allocatedTo)) {
            return false;
        }
        String previous = allocatedTo;
        allocatedTo = userId;
        allocatedToName = userName;
        record(now, Happened.ALLOCATED, by, details("allocatedTo", userId, "previouslyAllocatedTo", previous));
        registerEvent(events.of(EventType.RESETTLEMENT_CASE_ALLOCATED, prisonNumber,
                new CaseAllocated(getId(), prisonNumber, prisonCode, allocatedTo, previous)));
        return true;
    }

    /**
     * Nobody holds the case any more ({@code resettlement.case.deallocated}, with the reason); returns who did, or
     * null when nobody did (nothing recorded, no event).
     */
    public String deallocate(String reason, Instant now, Actor by, Events events) {
        String previous = allocatedTo;
        if (previous == null) {
            return null;
        }
        allocatedTo = null;
        allocatedToName = null;
        record(now, Happened.DEALLOCATED, by, details("previouslyAllocatedTo", previous, "reason", reason));
        registerEvent(events.of(EventType.RESETTLEMENT_CASE_DEALLOCATED, prisonNumber,
                new CaseDeallocated(getId(), prisonNumber, prisonCode, previous, reason)));
        return previous;
    }

    /** The immediate-needs screening answered: the plan is now in progress. */
    public void recordScreening(int questionsVersion, List<Answer> answers, LocalDate today, Instant at,
            Deadlines deadlines, Actor by) {
        Instant now = stored(at);
        screening = new Screening(questionsVersion, today, by, List.copyOf(answers));
        if (status == CaseStatus.SCREENING_DUE) {
            status = CaseStatus.PLAN_IN_PROGRESS;
        }
        refreshDue(deadlines);
        record(now, Happened.SCREENING_RECORDED, by, details("questionsVersion", questionsVersion, "answers",
                answers.size()));
    }

    /**
     * The pre-release review done: on time when completed by its due date; it leaves the caseload.
     * {@code resettlement.review.completed}.
     */
    public PreReleaseReview completePreReleaseReview(int questionsVersion, List<Answer> answers, LocalDate today,
            Instant at, Deadlines deadlines, Actor by, Events events) {
        Instant now = stored(at);
        if (preReleaseReviewDueBy == null) {
            releaseDates(deadlines); // a case stored before the review had a due date
        }
        boolean onTime = !today.isAfter(preReleaseReviewDueBy);
        preReleaseReview = new PreReleaseReview(today, by, onTime, questionsVersion, List.copyOf(answers));
        refreshDue(deadlines);
        record(now, Happened.PRE_RELEASE_REVIEW_COMPLETED, by, details("questionsVersion", questionsVersion,
                "completedOn", today, "dueBy", preReleaseReviewDueBy, "completedOnTime", onTime));
        registerEvent(events.of(EventType.RESETTLEMENT_REVIEW_COMPLETED, prisonNumber,
                new PreReleaseReviewCompleted(getId(), prisonNumber, crn, prisonCode, name(sex),
                        responsibleOfficerCode, expectedReleaseDate, preReleaseReviewDueBy,
                        preReleaseReview.completedOn(), preReleaseReview.completedOnTime(),
                        preReleaseReview.questionsVersion())));
        return preReleaseReview;
    }

    /** Where the review stands today: due from 12 weeks before release, overdue after its due date. */
    public ReviewStatus preReleaseReviewStatus(LocalDate today) {
        if (preReleaseReview != null) {
            return ReviewStatus.COMPLETED;
        }
        if (expectedReleaseDate == null || preReleaseReviewFrom == null) {
            return ReviewStatus.NOT_APPLICABLE;
        }
        if (preReleaseReviewDueBy != null && today.isAfter(preReleaseReviewDueBy)) {
            return ReviewStatus.OVERDUE;
        }
        return today.isBefore(preReleaseReviewFrom) ? ReviewStatus.NOT_DUE : ReviewStatus.DUE;
    }

    public boolean isPlanCompleted() {
        return plan != null && plan.version() >= 1;
    }

    public void saveDraft(List<Need> needs, String riskOfHarmSummary, Instant at, Deadlines deadlines, Actor by) {
        Instant now = stored(at);
        int version = plan == null ? 0 : plan.version();
        plan = new Plan(List.copyOf(needs), riskOfHarmSummary, version, plan == null ? null : plan.completedOn(),
                plan == null ? null : plan.completedOnTime(), now, by);
        if (status == CaseStatus.SCREENING_DUE) {
            status = CaseStatus.PLAN_IN_PROGRESS;
        }
        refreshDue(deadlines);
        long saves = getHistory().stream().filter(e -> e.type() == Happened.PLAN_SAVED).count();
        record(now, Happened.PLAN_SAVED, by, details("version", (int) saves + 1, "needs", needs.size(),
                "riskOfHarmSummarised", riskOfHarmSummary != null && !riskOfHarmSummary.isBlank()));
    }

    /**
     * Completes the current draft as the next plan version; on time when the first version met the deadline.
     * {@code resettlement.plan.completed} with the needs (pathway and status), so providers can be referred.
     */
    public Plan completePlan(LocalDate today, Instant at, Deadlines deadlines, Actor by, Events events) {
        Instant now = stored(at);
        boolean onTime = plan.version() == 0 ? !today.isAfter(screeningDueBy) : plan.completedOnTime();
        plan = new Plan(plan.needs(), plan.riskOfHarmSummary(), plan.version() + 1, today, onTime, now, by);
        status = CaseStatus.PLAN_COMPLETED;
        refreshDue(deadlines);
        record(now, Happened.PLAN_COMPLETED, by, details("planVersion", plan.version(), "completedOn", today,
                "completedOnTime", onTime));
        registerEvent(events.of(EventType.RESETTLEMENT_PLAN_COMPLETED, prisonNumber,
                new PlanCompleted(getId(), prisonNumber, crn, prisonCode, name(sex), name(riskOfSeriousHarm),
                        responsibleOfficerCode, plan.version(), plan.completedOn(), plan.completedOnTime(),
                        plan.needs().stream().map(n -> new PlanCompleted.Need(n.pathway().name(),
                                n.status().name())).toList())));
        return plan;
    }

    /**
     * The person was released: the case closes and nobody holds it any more. {@code resettlement.prisoner.released}
     * (again when an outcome is recorded on a release HMPPS reported), then {@code resettlement.case.deallocated} if
     * anyone held it.
     */
    public void recordRelease(Release recorded, Deadlines deadlines, Instant now, Actor by, Events events) {
        release = recorded;
        status = CaseStatus.RELEASED;
        closedOn = recorded.releasedOn();
        refreshDue(deadlines);
        record(now, Happened.RELEASED, by, details("releasedOn", recorded.releasedOn(), "accommodationOnRelease",
                recorded.accommodationOnRelease(), "eteOnRelease", recorded.eteOnRelease(), "metAtGate",
                recorded.metAtGate(), "outcomeRecorded", recorded.outcomeRecorded()));
        registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_RELEASED, prisonNumber,
                new PrisonerReleased(getId(), prisonNumber, crn, prisonCode, name(sex), responsibleOfficerCode,
                        release.releasedOn(), release.accommodationOnRelease().name(), release.eteOnRelease().name(),
                        release.metAtGate(), release.outcomeRecorded(), release.reason())));
        deallocate("RELEASED", now, by, events);
    }

    /**
     * A transfer between resettlement prisons: the case moves with the person and stays open.
     * {@code resettlement.case.updated} naming {@code prisonCode}.
     */
    public void moveTo(String newPrisonCode, LocalDate on, Instant now, Actor by, Events events) {
        String from = prisonCode;
        prisonCode = newPrisonCode;
        record(now, Happened.TRANSFERRED, by, details("fromPrisonCode", from, "toPrisonCode", newPrisonCode,
                "transferredOn", on, "caseClosed", false));
        updated(List.of("prisonCode"), events);
    }

    /**
     * A transfer out of the resettlement prisons: the case closes and nobody holds it any more.
     * {@code resettlement.prisoner.transferred} (from the case's prison), then {@code resettlement.case.deallocated}
     * if anyone held it.
     */
    public void transferOut(String toPrisonCode, LocalDate on, Deadlines deadlines, Instant now, Actor by,
            Events events) {
        transfer = new Transfer(toPrisonCode, on);
        status = CaseStatus.TRANSFERRED;
        closedOn = on;
        refreshDue(deadlines);
        record(now, Happened.TRANSFERRED, by, details("fromPrisonCode", prisonCode, "toPrisonCode", toPrisonCode,
                "transferredOn", on, "caseClosed", true));
        registerEvent(events.of(EventType.RESETTLEMENT_PRISONER_TRANSFERRED, prisonNumber,
                new PrisonerTransferred(getId(), prisonNumber, crn, prisonCode, transfer.toPrisonCode(),
                        transfer.transferredOn(), responsibleOfficerCode)));
        deallocate("TRANSFERRED", now, by, events);
    }

    public void assignResponsibleOfficer(String code, Instant now, Actor by) {
        String previous = responsibleOfficerCode;
        responsibleOfficerCode = code;
        record(now, Happened.RESPONSIBLE_OFFICER_CHANGED, by, details("responsibleOfficerCode", code,
                "previousResponsibleOfficerCode", previous));
    }

    private void record(Instant at, Happened type, Actor by, Map<String, Object> details) {
        if (history == null) {
            history = new ArrayList<>();
        }
        history.add(new HistoryEntry(stored(at), type, by, details));
    }

    /** The store keeps milliseconds: the same instant in the answer to a save and in every later read. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Codes, numbers, booleans and dates (as ISO text) only; null values are left out. */
    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof Enum<?> e) {
                value = e.name();
            } else if (value instanceof List<?> list) {
                value = list.stream().map(String::valueOf).toList();
            } else if (value instanceof LocalDate date) {
                value = date.toString();
            }
            if (value != null) {
                details.put((String) keyValues[i], value);
            }
        }
        return details;
    }

    /** Oldest first. */
    public List<HistoryEntry> getHistory() {
        return history == null ? List.of() : Collections.unmodifiableList(history);
    }

    /** The latest change, or null for a case stored before history was kept. */
    public HistoryEntry lastChange() {
        return history == null || history.isEmpty() ? null : history.get(history.size() - 1);
    }

    private void refreshDue(Deadlines deadlines) {
        if (status == CaseStatus.RELEASED && !release.outcomeRecorded()) {
            nextDue = Due.OUTCOME_TO_RECORD;
            nextDueBy = deadlines.outcomeToRecordBy(release.releasedOn());
        } else if (status == CaseStatus.SCREENING_DUE || status == CaseStatus.PLAN_IN_PROGRESS) {
            nextDue = Due.SCREENING;
            nextDueBy = screeningDueBy;
        } else if (status == CaseStatus.PLAN_COMPLETED && preReleaseReviewFrom != null && preReleaseReview == null) {
            nextDue = Due.PRE_RELEASE_REVIEW;
            nextDueBy = preReleaseReviewDueBy != null ? preReleaseReviewDueBy : preReleaseReviewFrom;
        } else {
            nextDue = null;
            nextDueBy = null;
        }
    }

    public List<Need> draftNeeds() {
        return plan == null ? new ArrayList<>() : plan.needs();
    }

    public String getPrisonNumber() {
        return prisonNumber;
    }

    public String getCrn() {
        return crn;
    }

    public String getPrisonCode() {
        return prisonCode;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getExpectedReleaseDate() {
        return expectedReleaseDate;
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

    public CaseStatus getStatus() {
        return status;
    }

    public LocalDate getScreeningDueBy() {
        return screeningDueBy;
    }

    public LocalDate getPreReleaseReviewFrom() {
        return preReleaseReviewFrom;
    }

    public LocalDate getPreReleaseReviewDueBy() {
        return preReleaseReviewDueBy;
    }

    public boolean isRecall() {
        return Boolean.TRUE.equals(recall);
    }

    public String getAllocatedTo() {
        return allocatedTo;
    }

    public String getAllocatedToName() {
        return allocatedToName;
    }

    public String getSupersededBy() {
        return supersededBy;
    }

    public Screening getScreening() {
        return screening;
    }

    public PreReleaseReview getPreReleaseReview() {
        return preReleaseReview;
    }

    public Plan getPlan() {
        return plan;
    }

    public Release getRelease() {
        return release;
    }

    public Transfer getTransfer() {
        return transfer;
    }

    public Due getNextDue() {
        return nextDue;
    }

    public LocalDate getNextDueBy() {
        return nextDueBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}
