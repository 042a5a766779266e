package uk.probation.gate.referral.person;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** A person in a resettlement prison, keyed by prison number; the latest reception's codes. */
@Document("people")
// the retention sweep's candidates (ADR 0013): never looked at and received before a day (or never received), or due
// to be looked at again; both ranges of this one index (a missing field is indexed as null). It replaces
// lastReceivedOn, which found every person received before the day on every run.
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "retention_sweep",
        def = "{'retentionCheckOn': 1, 'lastReceivedOn': 1}")
public class Person extends AggregateDocument {

    private String prisonNumber;
    private String crn;
    @Indexed(name = "prisonCode")
    private String prisonCode;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    @Indexed(name = "caseId", sparse = true)
    private String caseId;
    private LocalDate lastReceivedOn;
    /**
     * The day the retention sweep looks at this person again: set when it found their case still here; null until
     * it first looks.
     */
    private LocalDate retentionCheckOn;
    private LocalDate expectedReleaseDate;
    private boolean recall;
    private int receptions;

    protected Person() {
    }

    Person(String prisonNumber) {
        super(prisonNumber);
        this.prisonNumber = prisonNumber;
    }

    /** A later reception updates the codes; an identifier already known is kept if the event lacks it. */
    void received(PrisonerReception reception) {
        this.crn = reception.crn() != null ? reception.crn() : crn;
        this.prisonCode = reception.prisonCode();
        this.sex = reception.sex() != null ? reception.sex() : sex;
        this.riskOfSeriousHarm = reception.riskOfSeriousHarm() != null ? reception.riskOfSeriousHarm()
                : riskOfSeriousHarm;
        this.responsibleOfficerCode = reception.responsibleOfficerCode() != null
                ? reception.responsibleOfficerCode() : responsibleOfficerCode;
        this.caseId = reception.caseId();
        this.lastReceivedOn = reception.receivedOn();
        this.expectedReleaseDate = reception.expectedReleaseDate();
        this.recall = reception.recall();
        this.receptions++;
    }

    /**
     * The case's details completed or corrected: they replace what is held (an absent value clears nothing, as
     * events from before a field existed lack it). Only the person's current case, or a first sight of them.
     */
    boolean updated(CaseDetails details) {
        if (caseId != null && !caseId.equals(details.caseId())) {
            return false;
        }
        this.caseId = details.caseId();
        this.crn = details.crn() != null ? details.crn() : crn;
        this.prisonCode = details.prisonCode() != null ? details.prisonCode() : prisonCode;
        this.sex = details.sex() != null ? details.sex() : sex;
        this.riskOfSeriousHarm = details.riskOfSeriousHarm() != null ? details.riskOfSeriousHarm()
                : riskOfSeriousHarm;
        this.responsibleOfficerCode = details.responsibleOfficerCode() != null ? details.responsibleOfficerCode()
                : responsibleOfficerCode;
        this.expectedReleaseDate = details.expectedReleaseDate() != null ? details.expectedReleaseDate()
                : expectedReleaseDate;
        this.recall = details.recall() != null ? details.recall() : recall;
        return true;
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

    public Sex getSex() {
        return sex;
    }

    public RiskOfSeriousHarm getRiskOfSeriousHarm() {
        return riskOfSeriousHarm;
    }

    public String getResponsibleOfficerCode() {
        return responsibleOfficerCode;
    }

    public String getCaseId() {
        return caseId;
    }

    public LocalDate getLastReceivedOn() {
        return lastReceivedOn;
    }

    public LocalDate getExpectedReleaseDate() {
        return expectedReleaseDate;
    }

    public boolean isRecall() {
        return recall;
    }

    public int getReceptions() {
        return receptions;
    }
}
