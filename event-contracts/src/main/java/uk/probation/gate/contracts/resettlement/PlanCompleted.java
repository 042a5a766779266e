package uk.probation.gate.contracts.resettlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code resettlement.plan.completed} v1: the needs per pathway, never the caseworker's notes or risk summary
 * (free text may name people). {@code planVersion} above 1 means a revised plan.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanCompleted(
        String caseId,
        String prisonNumber,
        String crn,
        String prisonCode,
        String sex,
        String riskOfSeriousHarm,
        String responsibleOfficerCode,
        int planVersion,
        LocalDate completedOn,
        boolean completedOnTime,
        List<Need> needs) {

    /** One resettlement pathway and its status, e.g. ACCOMMODATION / SUPPORT_REQUIRED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(String pathway, String status) {
    }
}
