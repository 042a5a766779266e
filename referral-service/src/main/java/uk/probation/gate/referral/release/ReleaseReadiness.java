package uk.probation.gate.referral.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.paging.Page;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.NeedOnRelease;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.lifecycle.Referral;
import uk.probation.gate.referral.lifecycle.Referrals;

/**
 * The release-readiness worklist: everyone expected out within the next days whose accommodation or ETE need has no
 * referral a provider has accepted (ACCEPTED, IN_PROGRESS or OUTCOME_RECORDED), soonest release first. A person
 * whose plan is not completed yet is on it too: nobody has secured anything for them. Same definition as the
 * release-due gauge ({@link DueForRelease}).
 */
@Service
public class ReleaseReadiness {

    /** Where one need stands: no referral yet, not needed by the plan, or the current referral. */
    public enum State { NO_REFERRAL, NOT_NEEDED, REFERRED }

    /**
     * One need of one person. {@code needed} is null while no plan is completed; the referral fields are those of
     * the latest referral still with (or waiting for) a provider.
     */
    public record NeedState(Need need, Boolean needed, boolean accepted, State state, String referralId,
            ReferralStatus status, String providerCode, LocalDate respondBy) {
    }

    public record Item(String prisonNumber, String caseId, String prisonCode, LocalDate expectedReleaseDate,
            long daysToRelease, boolean planCompleted, NeedState accommodation, NeedState ete) {
    }

    private static final Set<ReferralStatus> GONE = Set.of(ReferralStatus.CLOSED, ReferralStatus.DECLINED);

    private final MongoTemplate mongo;
    private final Referrals referrals;
    private final Clock clock;
    private final int defaultDays;

    ReleaseReadiness(MongoTemplate mongo, Referrals referrals, Clock clock,
            @Value("${referral.release-soon-days:14}") int defaultDays) {
        this.mongo = mongo;
        this.referrals = referrals;
        this.clock = clock;
        this.defaultDays = defaultDays;
    }

    /** How far ahead the worklist looks when not told (the same horizon as the release-due gauge). */
    public int defaultDays() {
        return defaultDays;
    }

    /**
     * A page of the worklist, limited to {@code prisons} (null: every prison) and, if given, one prison; soonest
     * release first.
     */
    public Page<Item> worklist(int withinDays, Set<String> prisons, String prisonCode, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Criteria criteria = DueForRelease.unsecured(today, withinDays);
        if (prisonCode != null) {
            if (prisons != null && !prisons.contains(prisonCode)) {
                return Page.empty(page, size);
            }
            criteria.and("prisonCode").is(prisonCode);
        } else if (prisons != null) {
            criteria.and("prisonCode").in(prisons);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, ReleaseOutcome.class);
        query.with(Sort.by("expectedReleaseDate", "_id")).skip((long) page * size).limit(size);
        List<ReleaseOutcome> due = mongo.find(query, ReleaseOutcome.class);
        Map<String, List<Referral>> byCase = referrals.ofCases(due.stream().map(ReleaseOutcome::getId).toList(),
                Set.of(Need.ACCOMMODATION, Need.EDUCATION_SKILLS_AND_WORK)).stream()
                .collect(Collectors.groupingBy(Referral::getCaseId));
        List<Item> items = due.stream().map(o -> item(o, byCase.getOrDefault(o.getId(), List.of()), today)).toList();
        return new Page<>(items, page, size, total);
    }

    private static Item item(ReleaseOutcome o, Collection<Referral> ofCase, LocalDate today) {
        boolean planned = o.getAccommodation().neededInPlanVersion() > 0;
        return new Item(o.getPrisonNumber(), o.getId(), o.getPrisonCode(), o.getExpectedReleaseDate(),
                ChronoUnit.DAYS.between(today, o.getExpectedReleaseDate()), planned,
                state(Need.ACCOMMODATION, o.getAccommodation(), planned, ofCase),
                state(Need.EDUCATION_SKILLS_AND_WORK, o.getEte(), planned, ofCase));
    }

    private static NeedState state(Need need, NeedOnRelease n, boolean planned, Collection<Referral> ofCase) {
        Optional<Referral> current = ofCase.stream().filter(r -> r.getNeed() == need)
                .filter(r -> !GONE.contains(r.getStatus()))
                .max(Comparator.comparing(Referral::getCreatedAt));
        Boolean needed = planned ? n.needed() : null;
        if (current.isPresent()) {
            Referral r = current.get();
            return new NeedState(need, needed, n.accepted(), State.REFERRED, r.getId(), r.getStatus(),
                    r.getProviderCode(), r.getRespondBy());
        }
        return new NeedState(need, needed, n.accepted(), Boolean.FALSE.equals(needed) ? State.NOT_NEEDED
                : State.NO_REFERRAL, null, null, null, null);
    }
}
