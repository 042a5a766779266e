package uk.probation.gate.communitypayback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the business may change without a release.
 *
 * @param eteSharePercent               share of an order's hours that may be education, training or employment
 *                                      (national rule 30%)
 * @param monthsToComplete              months from sentence by which the hours should be worked
 * @param highRiskIndividualPlacements  whether people assessed HIGH or VERY_HIGH risk of serious harm may work on
 *                                      individual placements (off by default: they work in supervised groups)
 * @param positiveCompletionTarget      share of completed orders that should complete within 12 months of sentence
 *                                      (the national target, 0.90)
 * @param daysPerWeek                   the most distinct days in one ISO week an order may be booked on: intensive
 *                                      (4, "up to four days a week") and normal (2)
 * @param attendanceRecovery            how often, and after how long, an attendance whose credit did not reach the
 *                                      order (a crash between the session's write and the order's) is credited
 */
@ConfigurationProperties("community-payback")
public record CommunityPaybackProperties(@DefaultValue("30") int eteSharePercent,
        @DefaultValue("12") int monthsToComplete,
        @DefaultValue("false") boolean highRiskIndividualPlacements,
        @DefaultValue("0.90") double positiveCompletionTarget,
        @DefaultValue DaysPerWeekLimits daysPerWeek,
        @DefaultValue AttendanceRecovery attendanceRecovery) {

    public CommunityPaybackProperties {
        if (daysPerWeek.intensive() < 1 || daysPerWeek.intensive() > 7 || daysPerWeek.normal() < 1
                || daysPerWeek.normal() > 7) {
            throw new IllegalArgumentException("community-payback.days-per-week limits must be 1-7, were "
                    + daysPerWeek);
        }
    }

    /** The days-per-week limit for an order, by whether its assessment says it is worked intensively. */
    public int daysPerWeekLimit(boolean intensive) {
        return intensive ? daysPerWeek.intensive() : daysPerWeek.normal();
    }

    public record DaysPerWeekLimits(@DefaultValue("4") int intensive, @DefaultValue("2") int normal) {
    }

    /**
     * @param interval how often pending attendance is looked for
     * @param after    how old a pending attendance must be before it is credited by recovery rather than by the
     *                 request that is still recording it
     */
    public record AttendanceRecovery(@DefaultValue("PT30S") java.time.Duration interval,
            @DefaultValue("PT1M") java.time.Duration after) {
    }
}
