package uk.probation.gate.referral.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import uk.probation.gate.platform.metrics.Labels;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.domain.Stage;

/**
 * Referral counts as they happen, once per state change (counted after the save that made it). Labels are codes:
 * need, provider, outcome, sex; never a person. A provider code is a known one ({@link Labels#provider}) or "other".
 */
@Component
class ReferralMetrics {

    private final MeterRegistry meters;

    ReferralMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void created(Referral r) {
        // not "referral.referrals.created": Prometheus drops a "_created" suffix, leaving referral_referrals_total
        Counter.builder("referral.new.referrals").description("Referrals created, from plans or by hand")
                .tag("need", r.getNeed().name()).tag("sex", label(r.getSex()))
                .tag("source", r.getSource().name()).register(meters).increment();
    }

    void sent(Referral r) {
        Counter.builder("referral.referrals.sent").description("Referrals sent to a provider (first or re-routed)")
                .tag("need", r.getNeed().name()).tag("provider", Labels.provider(r.getProviderCode())).register(meters).increment();
    }

    void accepted(Referral r) {
        Counter.builder("referral.referrals.accepted").description("Referrals accepted by the provider")
                .tag("need", r.getNeed().name()).tag("provider", Labels.provider(r.getProviderCode())).register(meters).increment();
        Timer.builder("referral.time.to.accept").description("From sent to accepted, per provider and need")
                .tag("need", r.getNeed().name()).tag("provider", Labels.provider(r.getProviderCode()))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(30)).register(meters)
                .record(Duration.between(r.getSentAt(), r.getAcceptedAt()));
    }

    void started(Referral r) {
        Timer.builder("referral.time.to.start").description("From accepted to started, per provider and need")
                .tag("need", r.getNeed().name()).tag("provider", Labels.provider(r.getProviderCode()))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(60)).register(meters)
                .record(Duration.between(r.getAcceptedAt(), r.getStartedAt()));
    }

    /** A stage past its day, escalated once: RESPONSE (moved on), START or OUTCOME (announced). */
    void escalated(Stage stage, Need need, String provider) {
        Counter.builder("referral.escalations").description("Referral stages escalated past their deadline")
                .tag("stage", stage.name()).tag("need", need.name()).tag("provider", Labels.provider(provider))
                .register(meters).increment();
    }

    void declined(Need need, String provider) {
        Counter.builder("referral.referrals.declined").description("Referrals a provider declined")
                .tag("need", need.name()).tag("provider", Labels.provider(provider)).register(meters).increment();
    }

    void overdue(Need need, String provider) {
        Counter.builder("referral.responses.overdue")
                .description("Referrals the provider did not answer in time, escalated to the next provider")
                .tag("need", need.name()).tag("provider", Labels.provider(provider)).register(meters).increment();
    }

    void unroutable(Referral r) {
        Counter.builder("referral.referrals.unroutable").description("Referrals no provider matches (or all declined)")
                .tag("need", r.getNeed().name()).tag("sex", label(r.getSex())).register(meters).increment();
    }

    void outcome(Referral r, Outcome outcome) {
        Counter.builder("referral.outcomes").description("Outcomes recorded, by need, provider and outcome")
                .tag("need", r.getNeed().name()).tag("provider", Labels.provider(r.getProviderCode())).tag("outcome", outcome.name())
                .tag("sex", label(r.getSex())).register(meters).increment();
    }

    private static String label(Sex sex) {
        return sex == null ? "UNKNOWN" : sex.name();
    }
}
