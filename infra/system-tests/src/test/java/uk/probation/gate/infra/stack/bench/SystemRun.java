package uk.probation.gate.infra.stack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One phase of receptions through the whole system, and its hops: request → event (the benchmark's consumer got it
 * from resettlement.events), event → each consumer's effect (its audit row's time), request → effect. Waits for the
 * end of a phase on Kafka only (the benchmark consumer has every event, both groups have committed the topic), then
 * reads the effect times once.
 */
final class SystemRun {

    static final String REFERRAL_GROUP = "referral-service";
    static final String NOTIFICATIONS_GROUP = "notifications-service";

    record Result(String name, int sent, int failures, double httpPerSecond, double effectsPerSecond, int completed,
            Latencies http, Latencies requestToEvent, Latencies eventToPerson, Latencies eventToNotification,
            Latencies requestToPerson, Latencies requestToNotification, int missingEvents, int missingPeople,
            int missingNotifications, boolean drained) {
    }

    private final EventWatch events;
    private final ConsumerGroups groups;
    private final EffectTimes effects;

    SystemRun(EventWatch events, ConsumerGroups groups, EffectTimes effects) {
        this.events = events;
        this.groups = groups;
        this.effects = effects;
    }

    Result measure(String name, ReceptionLoad.Sent sent) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline
                && sent.sentAtMillis().keySet().stream().anyMatch(key -> events.seen(key) == null)) {
            Thread.sleep(100);
        }
        boolean drained = groups.awaitCaughtUp(EventWatch.TOPIC, Math.max(10_000, deadline - System.currentTimeMillis()),
                REFERRAL_GROUP, NOTIFICATIONS_GROUP);
        List<String> eventIds = new ArrayList<>();
        sent.sentAtMillis().keySet().forEach(key -> {
            EventWatch.Seen seen = events.seen(key);
            if (seen != null && seen.eventId() != null) {
                eventIds.add(seen.eventId());
            }
        });
        Map<String, Long> person = effects.of("referral", "people", eventIds);
        Map<String, Long> notification = effects.of("notifications", "notifications", eventIds);
        List<Long> toEvent = new ArrayList<>();
        List<Long> eventToPerson = new ArrayList<>();
        List<Long> eventToNotification = new ArrayList<>();
        List<Long> toPerson = new ArrayList<>();
        List<Long> toNotification = new ArrayList<>();
        int missingEvents = 0;
        int missingPeople = 0;
        int missingNotifications = 0;
        int completed = 0;
        long lastEffect = sent.startMillis();
        for (Map.Entry<String, Long> reception : sent.sentAtMillis().entrySet()) {
            long sentAt = reception.getValue();
            EventWatch.Seen seen = events.seen(reception.getKey());
            if (seen == null) {
                missingEvents++;
                continue;
            }
            toEvent.add(seen.receivedAtMillis() - sentAt);
            Long personAt = person.get(seen.eventId());
            Long notificationAt = notification.get(seen.eventId());
            if (personAt == null) {
                missingPeople++;
            } else {
                eventToPerson.add(personAt - seen.receivedAtMillis());
                toPerson.add(personAt - sentAt);
            }
            if (notificationAt == null) {
                missingNotifications++;
            } else {
                eventToNotification.add(notificationAt - seen.receivedAtMillis());
                toNotification.add(notificationAt - sentAt);
            }
            if (personAt != null && notificationAt != null) {
                completed++;
                lastEffect = Math.max(lastEffect, Math.max(personAt, notificationAt));
            }
        }
        int count = sent.sentAtMillis().size();
        double httpPerSecond = count * 1000.0 / Math.max(1, sent.endMillis() - sent.startMillis());
        double effectsPerSecond = completed * 1000.0 / Math.max(1, lastEffect - sent.startMillis());
        return new Result(name, count, sent.failures(), httpPerSecond, effectsPerSecond, completed,
                new Latencies(sent.httpMillis()), new Latencies(toEvent), new Latencies(eventToPerson),
                new Latencies(eventToNotification), new Latencies(toPerson), new Latencies(toNotification),
                missingEvents, missingPeople, missingNotifications, drained);
    }
}
