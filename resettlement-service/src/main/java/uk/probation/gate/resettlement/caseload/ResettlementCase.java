package uk.probation.gate.resettlement.caseload;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.RiskOfSeriousHarm;
import uk.probation.gate.resettlement.domain.Sex;

/** One person's Through the Gate case, from reception to release. One reception opens one case. */
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
    private Instant openedAt;

    protected ResettlementCase() {
    }

    ResettlementCase(String id, Reception reception, LocalDate screeningDueBy, Instant openedAt) {
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
        this.screeningDueBy = screeningDueBy;
        this.openedAt = openedAt;
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

    public Instant getOpenedAt() {
        return openedAt;
    }
}
