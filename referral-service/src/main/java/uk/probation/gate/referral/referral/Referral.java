package uk.probation.gate.referral.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingCriteria;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.domain.Sex;

/** One need of one person, referred to one provider at a time; its lifecycle events travel in its outbox. */
@Document("referrals")
public class Referral extends AggregateDocument {

    public enum Source { PLAN, MANUAL }

    /** A provider that had the referral and let it go: declined, or did not respond in time. */
    public record Decline(String providerCode, String reason, Instant at) {
    }

    private String prisonNumber;
    private String crn;
    private Need need;
    private Source source;
    private String caseId;
    private String prisonCode;
    private String areaCode;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    private ReferralStatus status;
    private String providerCode;
    private LocalDate respondBy;
    private Instant createdAt;
    private Instant sentAt;
    private Instant acceptedAt;
    private Outcome outcome;
    private String closedReason;
    private List<Decline> declines = new ArrayList<>();

    protected Referral() {
    }

    Referral(String id, String prisonNumber, String crn, Need need, Source source, String caseId, String prisonCode,
            String areaCode, Sex sex, RiskOfSeriousHarm risk, String responsibleOfficerCode, Instant now) {
        super(id);
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

    void sentTo(RoutingRule rule, LocalDate respondBy, Instant now) {
        this.providerCode = rule.providerCode();
        this.respondBy = respondBy;
        this.sentAt = now;
        this.status = ReferralStatus.SENT;
    }

    void unroutable() {
        this.providerCode = null;
        this.respondBy = null;
        this.status = ReferralStatus.UNROUTABLE;
    }

    void letGo(String reason, Instant now) {
        declines.add(new Decline(providerCode, reason, now));
        this.status = ReferralStatus.DECLINED;
    }

    void accepted(Instant now) {
        this.acceptedAt = now;
        this.status = ReferralStatus.ACCEPTED;
    }

    void started() {
        this.status = ReferralStatus.IN_PROGRESS;
    }

    void outcomeRecorded(Outcome recorded) {
        this.outcome = recorded;
        this.status = ReferralStatus.OUTCOME_RECORDED;
    }

    void closed(String reason) {
        this.closedReason = reason;
        this.status = ReferralStatus.CLOSED;
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
}
