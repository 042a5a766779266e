package uk.probation.gate.contracts.communitypayback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code community-payback.order.erased} v1: the finished order's retention period ended and
 * community-payback-service deleted it with its placements and attendance; every service deletes what it keeps of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderErased(
        String orderId,
        String crn,
        String areaCode,
        LocalDate erasedOn) {
}
