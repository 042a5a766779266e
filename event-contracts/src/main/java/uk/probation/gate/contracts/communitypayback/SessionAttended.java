package uk.probation.gate.contracts.communitypayback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code community-payback.session.attended} v1: the attendance outcome, minutes credited for this session and the
 * order's running totals. A session withdrawn for a service reason is {@link WorkSentHome} instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionAttended(
        String orderId,
        String crn,
        String sessionId,
        String projectCode,
        String areaCode,
        LocalDate sessionDate,
        String outcome,
        int minutesCredited,
        int creditedMinutes,
        int remainingMinutes,
        String responsibleOfficerCode) {
}
