package uk.probation.gate.web.caseworker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.probation.gate.web.api.ReferralApi;
import uk.probation.gate.web.api.ResettlementApi;

/**
 * One timeline of what happened to the person, newest first: the case's own history from resettlement-service
 * (reception, plan versions, release) merged with each referral's history from referral-service (sent to a
 * provider, accepted, declined, outcome).
 */
public record Timeline(List<Item> items) {

    public record Item(Instant at, String title, String by, String kind) {
        /** e.g. "27 Nov 2026, 10:14", UK time. */
        public String when() {
            return at == null ? "" : WHEN.format(at);
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy, HH:mm", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

    static Timeline of(List<ResettlementApi.TimelineEntry> caseHistory, List<ReferralApi.Referral> referrals,
            java.util.function.Function<String, String> needLabel,
            java.util.function.Function<String, String> statusLabel) {
        List<Item> items = new ArrayList<>();
        // a run of draft saves by one person reads as one line: "Plan saved 8 times"
        List<ResettlementApi.TimelineEntry> history = new ArrayList<>(caseHistory);
        history.sort(Comparator.comparing(ResettlementApi.TimelineEntry::at,
                Comparator.nullsLast(Comparator.naturalOrder())));
        int saves = 0;
        for (int i = 0; i < history.size(); i++) {
            ResettlementApi.TimelineEntry entry = history.get(i);
            String by = entry.by() == null ? null : entry.by().name();
            boolean save = "PLAN_SAVED".equals(entry.type());
            ResettlementApi.TimelineEntry next = i + 1 < history.size() ? history.get(i + 1) : null;
            if (save && next != null && "PLAN_SAVED".equals(next.type()) && next.by() != null && by != null
                    && by.equals(next.by().name())) {
                saves++;
                continue;
            }
            String title = save && saves > 0 ? "Plan saved " + (saves + 1) + " times (up to " + entry.summary()
                    .replace("Plan saved (", "").replace(")", "") + ")" : entry.summary();
            saves = 0;
            items.add(new Item(entry.at(), title, by, "case"));
        }
        for (ReferralApi.Referral referral : referrals) {
            String need = needLabel.apply(referral.need());
            for (ReferralApi.StatusChange change : referral.history()) {
                String provider = change.providerCode() != null ? change.providerCode() : referral.providerCode();
                String title = "Referral for " + need.toLowerCase(java.util.Locale.ROOT) + ": "
                        + statusLabel.apply(change.status()).toLowerCase(java.util.Locale.ROOT)
                        + (provider == null ? "" : " (" + provider + ")")
                        + (change.outcome() == null ? "" : ", " + change.outcome().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '));
                items.add(new Item(change.at(), title, change.by(), "referral"));
            }
        }
        items.sort(Comparator.comparing(Item::at, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
        return new Timeline(items);
    }
}
