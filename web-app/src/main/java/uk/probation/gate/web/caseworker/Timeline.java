package uk.probation.gate.web.caseworker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.probation.gate.web.api.ReferralApi;
import uk.probation.gate.web.api.ResettlementApi;
import uk.probation.gate.web.pages.Words;

/**
 * One timeline of what happened to the person, newest first: the case's own history from resettlement-service
 * (reception, plan versions, details changed, allocation, screening, pre-release review, release) merged with each
 * referral's history from referral-service (sent to a provider, accepted, declined, escalated, outcome), in plain
 * words: codes become their labels, providers their names.
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
            Words words) {
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
                    .replace("Plan saved (", "").replace(")", "") + ")" : plainWords(entry, words);
            saves = 0;
            items.add(new Item(entry.at(), title, by, "case"));
        }
        for (ReferralApi.Referral referral : referrals) {
            String need = words.of("need", referral.need()).toLowerCase(Locale.UK);
            for (ReferralApi.StatusChange change : referral.history()) {
                String provider = change.providerCode() != null ? change.providerCode() : referral.providerCode();
                String title = "Referral for " + need + ": "
                        + words.of("referralStatus", change.status()).toLowerCase(Locale.UK)
                        + (provider == null ? "" : " (" + words.of("provider", provider) + ")")
                        + (change.outcome() == null ? "" : ", " + words.of("referralOutcome", change.outcome())
                                .toLowerCase(Locale.UK));
                items.add(new Item(change.at(), title, change.by(), "referral"));
            }
            for (ReferralApi.Escalation escalation : referral.escalations()) {
                items.add(new Item(escalation.at(), "Referral for " + need + " escalated: "
                        + words.of("escalationStage", escalation.stage()).toLowerCase(Locale.UK), null, "referral"));
            }
        }
        items.sort(Comparator.comparing(Item::at, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
        return new Timeline(items);
    }

    /**
     * The line for one entry of the case's history: the changes issue 11 added written from their details (the
     * service's own summary uses codes), the others as the service words them.
     */
    static String plainWords(ResettlementApi.TimelineEntry entry, Words words) {
        Map<String, Object> d = entry.details() == null ? Map.of() : entry.details();
        String type = entry.type() == null ? "" : entry.type();
        String fallback = entry.summary() == null ? Words.plain(type) : entry.summary();
        if (type.equals("RECEIVED") && Boolean.TRUE.equals(d.get("recall"))) {
            return fallback + " (recall)";
        }
        if (type.contains("DEALLOCATED") || type.contains("UNALLOCATED")) {
            Object reason = d.get("reason");
            return "Unallocated" + (reason == null ? "" : " (" + words.of("deallocationReason", reason.toString()) + ")");
        }
        if (type.contains("ALLOCATED")) {
            Object name = d.get("allocatedToName") != null ? d.get("allocatedToName") : d.get("allocatedTo");
            return name == null ? "Allocated" : "Allocated to " + name;
        }
        if (type.contains("SUPERSEDED")) {
            return "Case closed: a later reception opened a new case";
        }
        if (type.contains("DETAILS") || type.equals("CASE_UPDATED") || type.equals("UPDATED")) {
            if (d.get("changedFields") instanceof Collection<?> fields && !fields.isEmpty()) {
                List<String> names = fields.stream().map(f -> words.of("field", f.toString())).toList();
                return "Details changed: " + String.join(", ", names);
            }
            return "Details changed";
        }
        if (type.contains("SCREENING")) {
            Object version = d.get("questionsVersion");
            return "Immediate needs screening recorded" + (version == null ? "" : " (questions version " + version + ")");
        }
        if (type.contains("REVIEW")) {
            Object onTime = d.get("completedOnTime");
            return "Pre-release review completed" + (Boolean.TRUE.equals(onTime) ? " on time"
                    : Boolean.FALSE.equals(onTime) ? " late" : "");
        }
        return fallback;
    }
}
