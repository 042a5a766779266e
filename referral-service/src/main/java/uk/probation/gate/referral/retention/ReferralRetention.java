package uk.probation.gate.referral.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import uk.probation.gate.platform.retention.Retention;
import uk.probation.gate.platform.retention.RetentionPolicy;
import uk.probation.gate.referral.erasedcases.ErasedCaseStore;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;
import uk.probation.gate.referral.lifecycle.Referrals;
import uk.probation.gate.referral.release.ReleaseOutcomes;
import uk.probation.gate.referral.routing.Routing;

/**
 * What referral-service keeps and for how long (ADR 0010); the periods are {@code referral.retention.*} (defaults and
 * reasons in application.yml). The platform's retention job runs these hourly on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class ReferralRetention {

    private static final Logger log = LoggerFactory.getLogger(ReferralRetention.class);
    /** People looked at per read: each read holds the people collection's lock only briefly. */
    private static final int SWEEP_BATCH = 500;

    /**
     * (a) Closed and unroutable referrals, from the day they closed: each expired one is erased (tombstone and
     * {@code referral.referral.erased} in one save); tombstones whose event is published are deleted. Counts the
     * referrals erased, so a second run over the same data purges nothing.
     */
    @Bean
    RetentionPolicy closedReferrals(Referrals referrals,
            @Value("${referral.retention.closed-referrals:P7Y}") String configured) {
        String period = Retention.checked("referral.retention.closed-referrals", configured);
        return policy("closed-referrals", "Closed and unroutable referrals (with their history, outcome and "
                + "end-of-service report), from the day they closed; then erased and referral.referral.erased sent",
                period, now -> {
                    long tombstones = referrals.deletePublishedTombstones();
                    if (tombstones > 0) {
                        log.info("Retention: {} erased referral tombstone(s) deleted", tombstones);
                    }
                    long erased = 0;
                    for (String id : referrals.closedBefore(Retention.cutoff(now, period))) {
                        try {
                            erased += referrals.erase(id) ? 1 : 0;
                        } catch (OptimisticLockingFailureException changedMeanwhile) {
                            log.debug("Referral {} changed while erasing; left to the next run", id);
                        }
                    }
                    return erased;
                });
    }

    /** (c) The routing table's change history: the newest N versions are kept, older ones dropped. */
    @Bean
    RetentionPolicy routingHistory(Routing routing,
            @Value("${referral.retention.routing-history-versions:200}") int versions) {
        if (versions < 1) {
            throw new IllegalArgumentException("referral.retention.routing-history-versions must be 1 or more, not "
                    + versions);
        }
        return policy("routing-history", "Changes to the routing table (who changed it, before and after): the newest "
                + versions + " versions are kept", versions + " versions", now -> {
                    try {
                        return routing.keepLastChanges(versions);
                    } catch (OptimisticLockingFailureException changedMeanwhile) {
                        return 0;
                    }
                });
    }

    /**
     * (d) Copies of a person whose case is gone from here (no release record, no referral of the case or naming
     * them), from their last reception: a safety net behind the erasure of their case.
     */
    @Bean
    RetentionPolicy peopleWithoutCase(People people, ReleaseOutcomes outcomes, Referrals referrals,
            @Value("${referral.retention.people-without-case:P30D}") String configured) {
        String period = Retention.checked("referral.retention.people-without-case", configured);
        return policy("people-without-case", "Copies of a person (identifiers, prison, expected release) whose case "
                + "has no record or referral left here, from their last reception", period, now -> {
                    LocalDate day = LocalDate.ofInstant(Retention.cutoff(now, period), ZoneOffset.UTC);
                    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                    long periodDays = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(day, today));
                    java.util.Set<String> passed = new java.util.HashSet<>();
                    long deleted = 0;
                    while (true) {
                        List<Person> due = people.dueForSweep(today, passed, SWEEP_BATCH);
                        if (due.isEmpty()) {
                            return deleted;
                        }
                        // put off in one update per day: received within the period, their turn comes when it
                        // ends; kept, they are looked at again a period later (the safety net behind case erasure)
                        java.util.Map<LocalDate, List<String>> putOff = new java.util.TreeMap<>();
                        for (Person person : due) {
                            passed.add(person.getId());
                            LocalDate received = person.getLastReceivedOn();
                            if (received != null && !received.isBefore(day)) {
                                putOff.computeIfAbsent(received.plusDays(periodDays), d -> new java.util.ArrayList<>())
                                        .add(person.getId());
                                continue;
                            }
                            boolean caseLeft = person.getCaseId() != null
                                    && outcomes.get(person.getCaseId()) != null;
                            if (caseLeft || referrals.anyFor(person.getPrisonNumber(), person.getCaseId())) {
                                putOff.computeIfAbsent(today.plusDays(periodDays), d -> new java.util.ArrayList<>())
                                        .add(person.getId());
                            } else if (people.delete(person)) {
                                deleted++;
                            }
                        }
                        putOff.forEach((turn, ids) -> people.lookAgainOn(ids, turn));
                    }
                });
    }

    /** The ids of erased cases (no identifier of a person), kept so that a late event brings back no copy. */
    @Bean
    RetentionPolicy erasedCaseMarkers(ErasedCaseStore erasedCases,
            @Value("${referral.retention.erased-case-markers:P90D}") String configured) {
        String period = Retention.checked("referral.retention.erased-case-markers", configured);
        return policy("erased-case-markers", "Ids of cases resettlement erased (so a late event copies nothing back), "
                + "from the erasure", period, now -> erasedCases.forgetBefore(Retention.cutoff(now, period)));
    }

    private static RetentionPolicy policy(String name, String description, String period,
            java.util.function.ToLongFunction<Instant> purge) {
        return new RetentionPolicy() {
            public String name() {
                return name;
            }

            public String description() {
                return description;
            }

            public String period() {
                return period;
            }

            public long purge(Instant now) {
                return purge.applyAsLong(now);
            }
        };
    }
}
