package uk.probation.gate.contracts.communitypayback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** {@code community-payback.placement.assigned} v1: {@code projectType} GROUP or INDIVIDUAL; {@code ete} for education or training projects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlacementAssigned(
        String orderId,
        String crn,
        String areaCode,
        String projectCode,
        String projectType,
        boolean ete,
        LocalDate assignedOn,
        String responsibleOfficerCode) {
}
