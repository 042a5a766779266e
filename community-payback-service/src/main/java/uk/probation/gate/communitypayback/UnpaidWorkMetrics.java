package uk.probation.gate.communitypayback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.Motivation;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.platform.metrics.Labels;

/**
 * The outcome figures operations watch. Labels are codes ({@code area}, {@code project_type}, {@code reason},
 * {@code outcome}), never a person: every value that came from input is checked against the known codes
 * ({@link Labels}; anything else is counted as {@code other}).
 */
@Component
public class UnpaidWorkMetrics {

    /** Why people were sent home: a stand-down reason, or SERVICE_ISSUE for one person sent home by the service. */
    private static final Set<String> SENT_HOME_REASONS = Stream.concat(
            Arrays.stream(StandDownReason.values()).map(Enum::name), Stream.of("SERVICE_ISSUE"))
            .collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry meters;

    UnpaidWorkMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void assessed(String area, String motivation) {
        Counter.builder("community_payback.assessments")
                .description("First assessments of orders, by motivation to comply (NOT_ASSESSED when it was not)")
                .tag("area", Labels.area(area)).tag("outcome", Labels.known(motivation, Motivation.class))
                .register(meters).increment();
    }

    public void attendance(String area, String projectType, String outcome, int minutesCredited) {
        Counter.builder("community_payback.attendances").description("Attendance outcomes recorded")
                .tag("area", Labels.area(area)).tag("project_type", Labels.known(projectType, ProjectType.class))
                .tag("outcome", Labels.known(outcome, AttendanceOutcome.class)).register(meters)
                .increment();
        if (minutesCredited > 0) {
            Counter.builder("community_payback.minutes.credited")
                    .description("Unpaid work minutes credited, group work vs individual placements")
                    .tag("area", Labels.area(area)).tag("project_type", Labels.known(projectType, ProjectType.class))
                    .register(meters).increment(minutesCredited);
        }
    }

    public void enforceableFailure(String area, String outcome) {
        Counter.builder("community_payback.enforceable.failures")
                .description("Failures to comply and unacceptable absences, which count towards enforcement")
                .tag("area", Labels.area(area)).tag("outcome", Labels.known(outcome, AttendanceOutcome.class))
                .register(meters).increment();
    }

    /** People sent home or whose instructions were withdrawn: the service's failure. */
    public void sentHome(String area, String projectType, String reason, int people) {
        Counter.builder("community_payback.sent.home")
                .description("People sent home or with work instructions withdrawn, by reason")
                .tag("area", Labels.area(area)).tag("project_type", Labels.known(projectType, ProjectType.class))
                .tag("reason", Labels.known(reason, SENT_HOME_REASONS)).register(meters)
                .increment(people);
    }

    public void standDown(String area, String projectType, String reason) {
        Counter.builder("community_payback.stand.downs").description("Sessions stood down, by reason")
                .tag("area", Labels.area(area)).tag("project_type", Labels.known(projectType, ProjectType.class))
                .tag("reason", Labels.known(reason, SENT_HOME_REASONS)).register(meters)
                .increment();
    }

    public void completed(String area, boolean withinTwelveMonths) {
        Counter.builder("community_payback.orders.completed")
                .description("Orders completed, within or after 12 months of sentence (positive completion)")
                .tag("area", Labels.area(area))
                .tag("outcome", withinTwelveMonths ? "WITHIN_12_MONTHS" : "AFTER_12_MONTHS")
                .register(meters).increment();
    }

    public void firstSession(String area, long daysFromSentence) {
        DistributionSummary.builder("community_payback.days.sentence.to.first.session")
                .description("Days from sentence to the first session worked").baseUnit("days")
                .serviceLevelObjectives(7, 14, 28, 56, 91, 182, 365)
                .tag("area", Labels.area(area)).register(meters).record(daysFromSentence);
    }
}
