package uk.probation.gate.referral.person;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;

/** A person in a resettlement prison, keyed by prison number; the latest reception's codes. */
@Document("people")
public class Person extends AggregateDocument {

    private String prisonNumber;
    private String crn;
    private String prisonCode;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    private String caseId;
    private LocalDate lastReceivedOn;
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
        this.receptions++;
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

    public int getReceptions() {
        return receptions;
    }
}
