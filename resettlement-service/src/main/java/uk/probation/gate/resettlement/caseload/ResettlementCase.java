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
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.resettlement.domain.AccommodationOnRelease;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.Due;
import uk.probation.gate.resettlement.domain.EteOnRelease;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.RiskOfSeriousHarm;
import uk.probation.gate.resettlement.domain.Sex;

/**
 * One person's Through the Gate case, from reception to release. One reception opens one case; the case carries
 * its plan, its release and what is due next, so the caseload is one query.
 */
@Document("cases")
@CompoundIndex(name = "reception", def = "{'prisonNumber': 1, 'receivedOn': 1}", unique = true)
public class ResettlementCase extends AggregateDocument {

    private String prisonNumber;
    private String crn;
    private String prisonCode;
    private LocalDate receivedOn;
    private LocalDate expectedReleaseDate;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    private CaseStatus status;
    private LocalDate screeningDueBy;
    private LocalDate preReleaseReviewFrom;
    private Plan plan;
    private Release release;
    private Transfer transfer;
    private Due nextDue;
    private LocalDate nextDueBy;
    private Instant openedAt;
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

    /** What happened to the person, one entry per change; codes only in {@code details}, never free text. */
    public enum Happened {
        RECEIVED, PLAN_SAVED, PLAN_COMPLETED, RESPONSIBLE_OFFICER_CHANGED, RELEASED, TRANSFERRED
    }

    /** One entry of the case's append-only history, written in the same save as the change it records. */
    public record HistoryEntry(Instant at, Happened type, Actor by, Map<String, Object> details) {
    }

    protected ResettlementCase() {
    }

    ResettlementCase(String id, Reception reception, Deadlines deadlines, Instant openedAt, Actor by) {
        super(id);
        this.prisonNumber = reception.prisonNumber();
        this.crn = reception.crn();
        this.prisonCode = reception.prisonCode();
        this.receivedOn = reception.receivedOn();
        this.expectedReleaseDate = reception.expectedReleaseDate();
        this.sex = reception.sex();
        this.riskOfSeriousHarm = reception.riskOfSeriousHarm();
        this.responsibleOfficerCode = reception.responsibleOfficerCode();
        this.status = CaseStatus.SCREENING_DUE;
        this.screeningDueBy = deadlines.screeningDueBy(reception.receivedOn());
        this.preReleaseReviewFrom = deadlines.preReleaseReviewFrom(reception.expectedReleaseDate());
        this.openedAt = openedAt;
        refreshDue(deadlines);
        record(openedAt, Happened.RECEIVED, by, details("prisonCode", prisonCode, "receivedOn", receivedOn,
                "screeningDueBy", screeningDueBy));
    }

    public boolean isOpen() {
        return status != CaseStatus.RELEASED && status != CaseStatus.TRANSFERRED;
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

    /** Completes the current draft as the next plan version; on time when the first version met the deadline. */
    public Plan completePlan(LocalDate today, Instant at, Deadlines deadlines, Actor by) {
        Instant now = stored(at);
        boolean onTime = plan.version() == 0 ? !today.isAfter(screeningDueBy) : plan.completedOnTime();
        plan = new Plan(plan.needs(), plan.riskOfHarmSummary(), plan.version() + 1, today, onTime, now, by);
        status = CaseStatus.PLAN_COMPLETED;
        refreshDue(deadlines);
        record(now, Happened.PLAN_COMPLETED, by, details("planVersion", plan.version(), "completedOn", today,
                "completedOnTime", onTime));
        return plan;
    }

    public void recordRelease(Release recorded, Deadlines deadlines, Instant now, Actor by) {
        release = recorded;
        status = CaseStatus.RELEASED;
        refreshDue(deadlines);
        record(now, Happened.RELEASED, by, details("releasedOn", recorded.releasedOn(), "accommodationOnRelease",
                recorded.accommodationOnRelease(), "eteOnRelease", recorded.eteOnRelease(), "metAtGate",
                recorded.metAtGate(), "outcomeRecorded", recorded.outcomeRecorded()));
    }

    public void moveTo(String newPrisonCode, LocalDate on, Instant now, Actor by) {
        String from = prisonCode;
        prisonCode = newPrisonCode;
        record(now, Happened.TRANSFERRED, by, details("fromPrisonCode", from, "toPrisonCode", newPrisonCode,
                "transferredOn", on, "caseClosed", false));
    }

    public void transferOut(String toPrisonCode, LocalDate on, Deadlines deadlines, Instant now, Actor by) {
        transfer = new Transfer(toPrisonCode, on);
        status = CaseStatus.TRANSFERRED;
        refreshDue(deadlines);
        record(now, Happened.TRANSFERRED, by, details("fromPrisonCode", prisonCode, "toPrisonCode", toPrisonCode,
                "transferredOn", on, "caseClosed", true));
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

    /** Codes, numbers, booleans and dates (as ISO text) only; null values are left out. */
    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof Enum<?> e) {
                value = e.name();
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
        } else if (status == CaseStatus.PLAN_COMPLETED && preReleaseReviewFrom != null) {
            nextDue = Due.PRE_RELEASE_REVIEW;
            nextDueBy = preReleaseReviewFrom;
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
