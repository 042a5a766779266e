package uk.probation.gate.communitypayback.order;

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
 */
@ConfigurationProperties("community-payback")
public record CommunityPaybackProperties(@DefaultValue("30") int eteSharePercent,
        @DefaultValue("12") int monthsToComplete,
        @DefaultValue("false") boolean highRiskIndividualPlacements,
        @DefaultValue("0.90") double positiveCompletionTarget) {
}
