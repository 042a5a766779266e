package uk.probation.gate.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator does and where the system runs. Shares default to the inspection's figures
 * (../shared/domain.md): one-third homeless on release, three-quarters without work, 3 in 10 orders with work
 * withdrawn or sent home, 94 % positive completion, 40 % of assessments with motivation assessed.
 */
public record SimulatorOptions(
        int people,
        int orders,
        long seed,
        double homelessShare,
        double noWorkShare,
        double sentHomeShare,
        double positiveCompletionShare,
        double motivationAssessedShare,
        double latePlanShare,
        double declineShare,
        double hmppsReceptionShare,
        int overdueScreenings,
        int releasesDue,
        String resettlementUrl,
        String communityPaybackUrl,
        String referralUrl,
        String notificationsUrl,
        String authUrl,
        String kafkaBootstrapServers,
        Path recordFile) {

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(40, 20, 6189L, 1.0 / 3, 0.75, 0.3, 0.94, 0.4, 0.2, 0.2, 0.25, 2, 2,
                "http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083",
                "http://127.0.0.1:8084", "http://127.0.0.1:9000", "127.0.0.1:9092", Path.of("simulation-record.json"));
    }

    /** The options as {@code --name=value} arguments; unknown names and bad values are refused. */
    public static SimulatorOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new InvalidOptionsException(List.of("argument " + arg + " is not --name=value (see --help)"));
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SimulatorOptions d = defaults();
        List<String> problems = new ArrayList<>();
        Values v = new Values(given, problems);
        SimulatorOptions options = new SimulatorOptions(
                v.integer("people", d.people), v.integer("orders", d.orders), v.longValue("seed", d.seed),
                v.share("homeless-share", d.homelessShare), v.share("no-work-share", d.noWorkShare),
                v.share("sent-home-share", d.sentHomeShare),
                v.share("positive-completion-share", d.positiveCompletionShare),
                v.share("motivation-assessed-share", d.motivationAssessedShare),
                v.share("late-plan-share", d.latePlanShare), v.share("decline-share", d.declineShare),
                v.share("hmpps-reception-share", d.hmppsReceptionShare),
                v.integer("overdue-screenings", d.overdueScreenings), v.integer("releases-due", d.releasesDue),
                v.string("resettlement-url", d.resettlementUrl),
                v.string("community-payback-url", d.communityPaybackUrl),
                v.string("referral-url", d.referralUrl), v.string("notifications-url", d.notificationsUrl),
                v.string("auth-url", d.authUrl), v.string("kafka", d.kafkaBootstrapServers),
                Path.of(v.string("record", d.recordFile.toString())));
        problems.addAll(options.rangeProblems());
        given.keySet().stream().filter(name -> !Values.KNOWN.contains(name))
                .forEach(name -> problems.add("unknown option --" + name));
        if (!problems.isEmpty()) {
            throw new InvalidOptionsException(problems);
        }
        return options;
    }

    /** Refuses out-of-range values with every problem named, before anything is sent. */
    public SimulatorOptions validated() {
        List<String> problems = rangeProblems();
        if (!problems.isEmpty()) {
            throw new InvalidOptionsException(problems);
        }
        return this;
    }

    private List<String> rangeProblems() {
        List<String> problems = new ArrayList<>();
        count(problems, "people", people);
        count(problems, "orders", orders);
        count(problems, "overdue-screenings", overdueScreenings);
        count(problems, "releases-due", releasesDue);
        share(problems, "homeless-share", homelessShare);
        share(problems, "no-work-share", noWorkShare);
        share(problems, "sent-home-share", sentHomeShare);
        share(problems, "positive-completion-share", positiveCompletionShare);
        share(problems, "motivation-assessed-share", motivationAssessedShare);
        share(problems, "late-plan-share", latePlanShare);
        share(problems, "decline-share", declineShare);
        share(problems, "hmpps-reception-share", hmppsReceptionShare);
        if (people > 10_000 || orders > 10_000) {
            problems.add("people and orders are at most 10000 each");
        }
        return problems;
    }

    public SimulatorOptions withCounts(int people, int orders, int overdueScreenings) {
        return new SimulatorOptions(people, orders, seed, homelessShare, noWorkShare, sentHomeShare,
                positiveCompletionShare, motivationAssessedShare, latePlanShare, declineShare, hmppsReceptionShare,
                overdueScreenings, releasesDue, resettlementUrl, communityPaybackUrl, referralUrl, notificationsUrl, authUrl,
                kafkaBootstrapServers, recordFile);
    }

    public SimulatorOptions withSeed(long seed) {
        return new SimulatorOptions(people, orders, seed, homelessShare, noWorkShare, sentHomeShare,
                positiveCompletionShare, motivationAssessedShare, latePlanShare, declineShare, hmppsReceptionShare,
                overdueScreenings, releasesDue, resettlementUrl, communityPaybackUrl, referralUrl, notificationsUrl, authUrl,
                kafkaBootstrapServers, recordFile);
    }

    public SimulatorOptions withEndpoints(String resettlement, String communityPayback, String referral,
            String notifications, String auth, String kafka, Path record) {
        return new SimulatorOptions(people, orders, seed, homelessShare, noWorkShare, sentHomeShare,
                positiveCompletionShare, motivationAssessedShare, latePlanShare, declineShare, hmppsReceptionShare,
                overdueScreenings, releasesDue, resettlement, communityPayback, referral, notifications, auth, kafka, record);
    }

    private static void count(List<String> problems, String name, int value) {
        if (value < 0) {
            problems.add("--" + name + " must not be negative (was " + value + ")");
        }
    }

    private static void share(List<String> problems, String name, double value) {
        if (Double.isNaN(value) || value < 0 || value > 1) {
            problems.add("--" + name + " is a share between 0 and 1 (was " + value + ")");
        }
    }

    static String usage() {
        SimulatorOptions d = defaults();
        return """
                Usage: java -jar infra/simulator/target/simulator-exec.jar [--name=value ...]
                  --people=%d                 prisoners received into the resettlement prisons
                  --orders=%d                 unpaid work orders
                  --seed=%d                 same seed, same cohort
                  --homeless-share=%.3f       released with NO_FIXED_ABODE
                  --no-work-share=%.2f        released with ETE NONE
                  --sent-home-share=%.2f      orders with work withdrawn (stand-down) or sent home (service issue)
                  --positive-completion-share=%.2f  orders completed within 12 months of sentence
                  --motivation-assessed-share=%.2f  assessments that assess motivation to comply
                  --late-plan-share=%.2f      plans completed after the screening deadline
                  --decline-share=%.2f        referrals the provider declines
                  --hmpps-reception-share=%.2f receptions arriving on the HMPPS topic first
                  --overdue-screenings=%d       extra receptions left unscreened past their deadline
                  --releases-due=%d             extra people due out within 10 days, accommodation referral unanswered
                  --resettlement-url, --community-payback-url, --referral-url, --notifications-url,
                  --auth-url (%s), --kafka (%s), --record=%s (what was done, JSON)
                """.formatted(d.people, d.orders, d.seed, d.homelessShare, d.noWorkShare, d.sentHomeShare,
                d.positiveCompletionShare, d.motivationAssessedShare, d.latePlanShare, d.declineShare,
                d.hmppsReceptionShare, d.overdueScreenings, d.releasesDue, d.authUrl, d.kafkaBootstrapServers, d.recordFile);
    }

    /** Options that cannot be used, each problem named. */
    public static final class InvalidOptionsException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidOptionsException(List<String> problems) {
            super("invalid simulator options: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private record Values(Map<String, String> given, List<String> problems) {
        static final List<String> KNOWN = List.of("people", "orders", "seed", "homeless-share", "no-work-share",
                "sent-home-share", "positive-completion-share", "motivation-assessed-share", "late-plan-share",
                "decline-share", "hmpps-reception-share", "overdue-screenings", "releases-due", "resettlement-url",
                "community-payback-url", "referral-url", "notifications-url", "auth-url", "kafka", "record");

        int integer(String name, int fallback) {
            String raw = given.get(name);
            try {
                return raw == null ? fallback : Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                problems.add("--" + name + " must be a whole number (was " + raw + ")");
                return fallback;
            }
        }

        long longValue(String name, long fallback) {
            String raw = given.get(name);
            try {
                return raw == null ? fallback : Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                problems.add("--" + name + " must be a whole number (was " + raw + ")");
                return fallback;
            }
        }

        double share(String name, double fallback) {
            String raw = given.get(name);
            try {
                return raw == null ? fallback : Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                problems.add("--" + name + " must be a number between 0 and 1 (was " + raw + ")");
                return fallback;
            }
        }

        String string(String name, String fallback) {
            String raw = given.get(name);
            if (raw != null && raw.isBlank()) {
                problems.add("--" + name + " must not be empty");
            }
            return raw == null || raw.isBlank() ? fallback : raw.trim().replaceAll("/$", "");
        }
    }
}
