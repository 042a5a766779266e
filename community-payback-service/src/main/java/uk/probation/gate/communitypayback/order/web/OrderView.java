package uk.probation.gate.communitypayback.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.communitypayback.Reach;
import uk.probation.gate.communitypayback.domain.Assessment;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.communitypayback.order.AttendanceRecord;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.order.Placement;

public record OrderView(
        String id,
        String crn,
        OrderStatus status,
        LocalDate sentenceDate,
        String areaCode,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode,
        int requiredMinutes,
        int creditedMinutes,
        int remainingMinutes,
        int eteMinutesAllowed,
        int eteMinutesCredited,
        LocalDate completeBy,
        // shown as null until assessed / placed, so callers see the field exists
        @JsonInclude(JsonInclude.Include.ALWAYS) Placement placement,
        @JsonInclude(JsonInclude.Include.ALWAYS) Assessment assessment,
        int enforceableFailures,
        List<AttendanceRecord> attendances,
        LocalDate firstSessionOn,
        LocalDate completedOn,
        Boolean withinTwelveMonths) {

    /** The order as the caller may see it: a pure OPS_VIEWER gets the assessment's free text as null. */
    public static OrderView of(Order o) {
        Assessment assessment = o.getAssessment();
        if (assessment != null && !Reach.readsNotes()) {
            assessment = new Assessment(assessment.availableDays(), null, null, null,
                    assessment.riskOfHarmConsidered(), assessment.motivationToComply(), assessment.intensive(),
                    assessment.assessedOn());
        }
        return new OrderView(o.getId(), o.getCrn(), o.getStatus(), o.getSentenceDate(), o.getAreaCode(), o.getSex(),
                o.getRiskOfSeriousHarm(), o.getResponsibleOfficerCode(), o.getRequiredMinutes(),
                o.getCreditedMinutes(), o.getRemainingMinutes(), o.getEteMinutesAllowed(), o.getEteMinutesCredited(),
                o.getCompleteBy(), o.getPlacement(), assessment, o.getEnforceableFailures(),
                o.getAttendances(), o.getFirstSessionOn(), o.getCompletedOn(), o.getWithinTwelveMonths());
    }
}
