package uk.probation.gate.faults;

import static uk.probation.gate.infra.stack.StackComponent.COMMUNITY_PAYBACK;
import static uk.probation.gate.infra.stack.StackComponent.NOTIFICATIONS;
import static uk.probation.gate.infra.stack.StackComponent.REFERRAL;
import static uk.probation.gate.infra.stack.StackComponent.RESETTLEMENT;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Reads what the system shows for a set of effects, through the public APIs only: each service's own records as its
 * users read them, the notifications delivery log, and the mailboxes of the local mail server.
 */
final class Observer implements AutoCloseable {

    private final Api api;
    private final URI mailApi;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fault-observer");
        thread.setDaemon(true);
        return thread;
    });

    Observer(Api api, URI mailApi) {
        this.api = api;
        this.mailApi = mailApi;
    }

    /** How often each effect is seen now; {@code since}: the delivery log is read back to that time. */
    Map<Effect, Integer> observe(Collection<Effect> effects, Instant since) {
        Map<Effect, Integer> observed = new ConcurrentHashMap<>();
        Set<Effect> notifications = new LinkedHashSet<>();
        Map<String, List<Effect>> fetches = new HashMap<>();
        for (Effect effect : effects) {
            if ("notifications".equals(effect.service())) {
                notifications.add(effect);
            } else {
                fetches.computeIfAbsent(fetchKey(effect), key -> new ArrayList<>()).add(effect);
            }
        }
        List<Future<?>> pending = new ArrayList<>();
        fetches.forEach((key, group) -> pending.add(pool.submit(() -> {
            Map<Effect, Integer> seen = fetch(key, group);
            observed.putAll(seen);
        })));
        if (!notifications.isEmpty()) {
            pending.add(pool.submit(() -> observed.putAll(deliveryLog(notifications, since))));
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException("reading the effects failed", e);
            }
        }
        return observed;
    }

    /** Effects read by one request share its key. */
    private static String fetchKey(Effect effect) {
        return switch (effect.service() + "|" + effect.what().split(" ")[0]) {
            case "resettlement|timeline" -> "timeline|" + effect.subject();
            case "referral|person" -> "person|" + effect.subject();
            case "referral|referrals", "referral|history" -> "referrals|" + effect.subject().split(" ")[0];
            case "community-payback|orders" -> "orders|" + effect.subject();
            case "community-payback|placement", "community-payback|attendances", "community-payback|minutes" ->
                    "order|" + effect.subject();
            case "community-payback|bookings" -> "session|" + effect.subject().split(" ")[0];
            case "community-payback|sessions" -> "sessions|" + effect.subject();
            case "mail|messages" -> "mail|" + effect.subject();
            default -> throw new IllegalArgumentException("no way to read " + effect);
        };
    }

    private Map<Effect, Integer> fetch(String key, List<Effect> group) {
        String subject = key.substring(key.indexOf('|') + 1);
        Map<Effect, Integer> seen = new HashMap<>();
        switch (key.substring(0, key.indexOf('|'))) {
            case "timeline" -> {
                JsonNode items = items(api.read(RESETTLEMENT, "/api/cases/" + subject + "/timeline?size=200",
                        "caseworker"));
                for (Effect effect : group) {
                    String type = effect.what().substring("timeline ".length());
                    seen.put(effect, count(items, item -> type.equals(item.path("type").asString())));
                }
            }
            case "person" -> {
                int found = api.read(REFERRAL, "/api/people/" + subject, "admin").status() == 200 ? 1 : 0;
                group.forEach(effect -> seen.put(effect, found));
            }
            case "referrals" -> {
                JsonNode items = items(api.read(REFERRAL, "/api/referrals?prisonNumber=" + subject + "&size=200",
                        "admin"));
                for (Effect effect : group) {
                    if (effect.what().startsWith("referrals ")) {
                        String need = effect.what().substring("referrals ".length());
                        seen.put(effect, count(items, item -> need.equals(item.path("need").asString())));
                    } else {
                        String need = effect.subject().split(" ")[1];
                        String status = effect.what().substring("history ".length());
                        int steps = 0;
                        for (JsonNode referral : items) {
                            if (need.equals(referral.path("need").asString())) {
                                steps += count(referral.path("history"),
                                        step -> status.equals(step.path("status").asString()));
                            }
                        }
                        seen.put(effect, steps);
                    }
                }
            }
            case "orders" -> {
                JsonNode page = api.read(COMMUNITY_PAYBACK, "/api/orders?crn=" + subject + "&size=200",
                        "coordinator").body();
                int total = page == null || !page.has("total") ? 0 : page.get("total").asInt();
                group.forEach(effect -> seen.put(effect, total));
            }
            case "order" -> {
                Api.Answer order = api.read(COMMUNITY_PAYBACK, "/api/orders/" + subject, "coordinator");
                JsonNode body = order.ok() ? order.body() : null;
                for (Effect effect : group) {
                    int value = 0;
                    if (body != null) {
                        value = switch (effect.what()) {
                            case "placement" -> body.path("placement").isMissingNode()
                                    || body.path("placement").isNull() ? 0 : 1;
                            case "attendances" -> body.path("attendances").size();
                            case "minutes credited" -> body.path("creditedMinutes").asInt();
                            default -> throw new IllegalArgumentException(effect.toString());
                        };
                    }
                    seen.put(effect, value);
                }
            }
            case "session" -> {
                Api.Answer session = api.read(COMMUNITY_PAYBACK, "/api/sessions/" + subject, "coordinator");
                JsonNode roster = session.ok() ? session.body().path("roster") : null;
                for (Effect effect : group) {
                    String orderId = effect.subject().split(" ")[1];
                    seen.put(effect, roster == null ? 0 : count(roster,
                            entry -> orderId.equals(entry.path("orderId").asString())));
                }
            }
            case "sessions" -> {
                String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
                JsonNode page = api.read(COMMUNITY_PAYBACK, "/api/sessions?projectCode=" + subject + "&from=" + today
                        + "&to=" + today + "&size=200", "coordinator").body();
                int total = page == null || !page.has("total") ? 0 : page.get("total").asInt();
                group.forEach(effect -> seen.put(effect, total));
            }
            case "mail" -> {
                Api.Answer messages = api.readPlain(mailApi.resolve("/api/user/" + subject + "/messages/"));
                int count = messages.ok() && messages.body() != null && messages.body().isArray()
                        ? messages.body().size() : 0;
                group.forEach(effect -> seen.put(effect, count));
            }
            default -> throw new IllegalArgumentException(key);
        }
        return seen;
    }

    /**
     * The delivery log, newest first, back to {@code since}: each entry counted under the effect it is (event type
     * and recipient; a provider's also by the person it is about).
     */
    private Map<Effect, Integer> deliveryLog(Set<Effect> wanted, Instant since) {
        Map<Effect, Integer> counts = new HashMap<>();
        // an entry logged while the pages are read pushes older ones down a page: count each entry once
        Set<String> seen = new java.util.HashSet<>();
        for (int page = 0; page <= 10_000; page++) {
            JsonNode items = items(api.read(NOTIFICATIONS, "/api/notifications?size=200&page=" + page, "admin"));
            if (items.isEmpty()) {
                break;
            }
            boolean older = false;
            for (JsonNode entry : items) {
                Instant created = Instant.parse(entry.path("createdAt").asString());
                if (created.isBefore(since)) {
                    older = true;
                    continue;
                }
                if (!seen.add(entry.path("id").asString())) {
                    continue;
                }
                String type = entry.path("eventType").asString();
                String recipient = entry.path("recipientCode").asString();
                String kind = entry.path("recipientKind").asString();
                Effect effect = switch (kind) {
                    case "RESPONSIBLE_OFFICER" -> new Effect("notifications", type + " to officer", recipient);
                    case "PERSON" -> new Effect("notifications", type + " to person", recipient);
                    default -> new Effect("notifications", type + " to " + recipient,
                            entry.path("subject").asString());
                };
                if (wanted.contains(effect)) {
                    counts.merge(effect, 1, Integer::sum);
                }
            }
            if (older || items.size() < 200) {
                break;
            }
        }
        return counts;
    }

    /** The subjects of what a mailbox received, for the report when it received something twice. */
    List<String> mailSubjects(String address) {
        Api.Answer messages = api.readPlain(mailApi.resolve("/api/user/" + address + "/messages/"));
        List<String> subjects = new ArrayList<>();
        if (messages.ok() && messages.body() != null && messages.body().isArray()) {
            messages.body().forEach(message -> subjects.add(message.path("subject").asString()));
        }
        return subjects;
    }

    private static JsonNode items(Api.Answer answer) {
        if (!answer.ok() || answer.body() == null || !answer.body().has("items")) {
            return Api.JSON.createArrayNode();
        }
        return answer.body().get("items");
    }

    private static int count(JsonNode items, java.util.function.Predicate<JsonNode> test) {
        int n = 0;
        for (JsonNode item : items) {
            if (test.test(item)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
