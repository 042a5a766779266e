package uk.probation.gate.resettlement.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** The plan: the draft being edited, and how often it has been completed. */
    public record Plan(List<Need> needs, String riskOfHarmSummary, int version, LocalDate completedOn,
            Boolean completedOnTime, Instant updatedAt) {
    }

    public record Release(LocalDate releasedOn, AccommodationOnRelease accommodationOnRelease,
            EteOnRelease eteOnRelease, boolean metAtGate, boolean outcomeRecorded, String reason) {
    }

    public record Transfer(String toPrisonCode, LocalDate transferredOn) {
    }

    protected ResettlementCase() {
    }

    ResettlementCase(String id, Reception reception, Deadlines deadlines, Instant openedAt) {
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
    }

    public boolean isOpen() {
        return status != CaseStatus.RELEASED && status != CaseStatus.TRANSFERRED;
    }

    public void saveDraft(List<Need> needs, String riskOfHarmSummary, Instant now, Deadlines deadlines) {
        int version = plan == null ? 0 : plan.version();
        plan = new Plan(List.copyOf(needs), riskOfHarmSummary, version, plan == null ? null : plan.completedOn(),
                plan == null ? null : plan.completedOnTime(), now);
        if (status == CaseStatus.SCREENING_DUE) {
            status = CaseStatus.PLAN_IN_PROGRESS;
        }
        refreshDue(deadlines);
    }

    /** Completes the current draft as the next plan version; on time when the first version met the deadline. */
    public Plan completePlan(LocalDate today, Instant now, Deadlines deadlines) {
        boolean onTime = plan.version() == 0 ? !today.isAfter(screeningDueBy) : plan.completedOnTime();
        plan = new Plan(plan.needs(), plan.riskOfHarmSummary(), plan.version() + 1, today, onTime, now);
        status = CaseStatus.PLAN_COMPLETED;
        refreshDue(deadlines);
        return plan;
    }

    public void recordRelease(Release recorded, Deadlines deadlines) {
        release = recorded;
        status = CaseStatus.RELEASED;
        refreshDue(deadlines);
    }

    public void moveTo(String newPrisonCode) {
        prisonCode = newPrisonCode;
    }

    public void transferOut(String toPrisonCode, LocalDate on, Deadlines deadlines) {
        transfer = new Transfer(toPrisonCode, on);
        status = CaseStatus.TRANSFERRED;
        refreshDue(deadlines);
    }

    public void assignResponsibleOfficer(String code) {
        responsibleOfficerCode = code;
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
