package uk.probation.gate.contracts.communitypayback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * {@code community-payback.work.sent-home} v1: the provider's failure, never the person's; one event per person
 * booked when a session is stood down. {@code reason} NO_SUPERVISOR, NO_WORK, WEATHER, OTHER or SERVICE_ISSUE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkSentHome(
        String orderId,
        String crn,
        String sessionId,
        String projectCode,
        String areaCode,
        LocalDate sessionDate,
        String reason,
        String responsibleOfficerCode) {
}
