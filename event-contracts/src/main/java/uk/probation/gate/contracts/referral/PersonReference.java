package uk.probation.gate.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Who a referral is for: prison number and/or CRN, at least one of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonReference(String prisonNumber, String crn) {

    /** The Kafka key and CloudEvents subject: the prison number when known, else the CRN. */
    public String key() {
        return prisonNumber != null ? prisonNumber : crn;
    }
}
