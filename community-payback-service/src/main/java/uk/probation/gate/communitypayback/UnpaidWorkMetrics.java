package uk.probation.gate.communitypayback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The outcome figures operations watch. Labels are codes ({@code area}, {@code project_type}, {@code reason},
 * {@code outcome}), never a person.
 */
@Component
public class UnpaidWorkMetrics {

    private final MeterRegistry meters;

    UnpaidWorkMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void assessed(String area, String motivation) {
        Counter.builder("community_payback.assessments")
                .description("First assessments of orders, by motivation to comply (NOT_ASSESSED when it was not)")
                .tag("area", area).tag("outcome", motivation).register(meters).increment();
    }

    public void attendance(String area, String projectType, String outcome, int minutesCredited) {
        Counter.builder("community_payback.attendances").description("Attendance outcomes recorded")
                .tag("area", area).tag("project_type", projectType).tag("outcome", outcome).register(meters)
                .increment();
        if (minutesCredited > 0) {
            Counter.builder("community_payback.minutes.credited")
                    .description("Unpaid work minutes credited, group work vs individual placements")
                    .tag("area", area).tag("project_type", projectType).register(meters).increment(minutesCredited);
        }
    }

    public void enforceableFailure(String area, String outcome) {
        Counter.builder("community_payback.enforceable.failures")
                .description("Failures to comply and unacceptable absences, which count towards enforcement")
                .tag("area", area).tag("outcome", outcome).register(meters).increment();
    }

    /** People sent home or whose instructions were withdrawn: the service's failure. */
    public void sentHome(String area, String projectType, String reason, int people) {
        Counter.builder("community_payback.sent.home")
                .description("People sent home or with work instructions withdrawn, by reason")
                .tag("area", area).tag("project_type", projectType).tag("reason", reason).register(meters)
                .increment(people);
    }

    public void standDown(String area, String projectType, String reason) {
        Counter.builder("community_payback.stand.downs").description("Sessions stood down, by reason")
                .tag("area", area).tag("project_type", projectType).tag("reason", reason).register(meters)
                .increment();
    }

    public void completed(String area, boolean withinTwelveMonths) {
        Counter.builder("community_payback.orders.completed")
                .description("Orders completed, within or after 12 months of sentence (positive completion)")
                .tag("area", area).tag("outcome", withinTwelveMonths ? "WITHIN_12_MONTHS" : "AFTER_12_MONTHS")
                .register(meters).increment();
    }

    public void firstSession(String area, long daysFromSentence) {
        DistributionSummary.builder("community_payback.days.sentence.to.first.session")
                .description("Days from sentence to the first session worked").baseUnit("days")
                .serviceLevelObjectives(7, 14, 28, 56, 91, 182, 365)
                .tag("area", area).register(meters).record(daysFromSentence);
    }
}
