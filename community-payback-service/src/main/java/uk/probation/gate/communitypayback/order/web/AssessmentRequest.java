package uk.probation.gate.communitypayback.order.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.communitypayback.domain.Assessment;
import uk.probation.gate.communitypayback.domain.Motivation;

record AssessmentRequest(
        @NotNull @Size(min = 1, max = 7) List<@NotNull DayOfWeek> availableDays,
        @Size(max = 1000) String childcareConstraints,
        @Size(max = 500) String shiftPattern,
        @Size(max = 2000) String healthAndSafetyNotes,
        @NotNull Boolean riskOfHarmConsidered,
        @NotNull Motivation motivationToComply,
        Boolean intensive) {

    Assessment toAssessment(LocalDate today) {
        return new Assessment(availableDays.stream().distinct().sorted().toList(), childcareConstraints, shiftPattern,
                healthAndSafetyNotes, riskOfHarmConsidered, motivationToComply, Boolean.TRUE.equals(intensive), today);
    }
}
