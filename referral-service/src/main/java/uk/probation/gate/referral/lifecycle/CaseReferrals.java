package uk.probation.gate.referral.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;

/**
 * Which referrals a resettlement case's plan has made, keyed by case id: the latest plan version applied and the
 * referral per need (code) it still requires. A revised plan is compared with this, so needs are never referred twice.
 */
@Document("case-referrals")
public class CaseReferrals extends AggregateDocument {

    private int planVersion;
    private Map<String, String> referralByNeed = new LinkedHashMap<>();

    protected CaseReferrals() {
    }

    CaseReferrals(String caseId) {
        super(caseId);
    }

    int getPlanVersion() {
        return planVersion;
    }

    void setPlanVersion(int planVersion) {
        this.planVersion = planVersion;
    }

    public Map<String, String> getReferralByNeed() {
        return referralByNeed;
    }
}
