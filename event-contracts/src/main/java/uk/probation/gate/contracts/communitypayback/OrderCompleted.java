package uk.probation.gate.contracts.communitypayback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code community-payback.order.completed} v1: {@code withinTwelveMonths} feeds the positive completion rate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCompleted(
        String orderId,
        String crn,
        String areaCode,
        String sex,
        LocalDate sentenceDate,
        LocalDate completedOn,
        int requiredMinutes,
        int creditedMinutes,
        boolean withinTwelveMonths,
        String responsibleOfficerCode) {
}
