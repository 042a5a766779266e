package uk.probation.gate.contracts.communitypayback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code community-payback.order.received} v1. Identifiers and codes only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderReceived(
        String orderId,
        String crn,
        LocalDate sentenceDate,
        int requiredMinutes,
        int eteMinutesAllowed,
        LocalDate completeBy,
        String areaCode,
        String sex,
        String riskOfSeriousHarm,
        String responsibleOfficerCode) {
}
