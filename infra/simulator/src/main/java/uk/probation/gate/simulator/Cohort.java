package uk.probation.gate.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The synthetic cohort, drawn from the seed alone: same options, same people and orders, same figures. */
public record Cohort(List<Person> people, List<Order> orders) {

    /** The resettlement prisons; FHI (Foston Hall) is the women's prison. */
    public static final List<String> PRISONS = List.of("NMI", "LCI", "RNI", "LGI", "GTI", "SKI", "SUI", "FHI");
    public static final String WOMENS_PRISON = "FHI";
    public static final List<String> AREAS = List.of("N53DER", "N53LEI", "N53NOT", "N53RUT");
    static final List<String> STAND_DOWN_REASONS = List.of("NO_SUPERVISOR", "NO_WORK", "WEATHER");
    static final List<String> MOTIVATIONS = List.of("HIGH", "MEDIUM", "LOW");

    /**
     * A prisoner. {@code released} people go through plan, referrals and release; {@code dueSoon} people get a plan
     * needing accommodation, are expected out within 10 days and their referral is left unanswered; the others are
     * received long enough ago that their screening is overdue and are left open.
     */
    public record Person(String prisonNumber, String prisonCode, String sex, boolean viaHmpps, boolean released,
            boolean latePlan, String accommodation, String ete, boolean needsAccommodation, boolean needsEte,
            boolean accommodationDeclined, boolean eteDeclined, boolean metAtGate, boolean dueSoon) {
    }

    /**
     * An unpaid work order: {@code disruption} is NONE, SENT_HOME (service issue) or a stand-down reason;
     * {@code absence} NONE, ACCEPTABLE_ABSENCE or UNACCEPTABLE_ABSENCE (enforceable) on one extra session.
     */
    public record Order(String crn, String areaCode, String sex, String projectType, String motivation,
            boolean withinTwelveMonths, String disruption, int firstSessionAfterDays, String absence) {
    }

    public static Cohort draw(SimulatorOptions options) {
        Random random = new Random(options.seed());
        Set<String> used = new HashSet<>();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < options.people() + options.overdueScreenings(); i++) {
            String prison = PRISONS.get(i % PRISONS.size());
            boolean released = i < options.people();
            boolean homeless = random.nextDouble() < options.homelessShare();
            boolean noWork = random.nextDouble() < options.noWorkShare();
            String accommodation = homeless ? "NO_FIXED_ABODE" : random.nextBoolean() ? "SETTLED" : "TEMPORARY";
            String ete = noWork ? "NONE" : random.nextBoolean() ? "EMPLOYMENT" : "EDUCATION_OR_TRAINING";
            boolean needsAccommodation = homeless || random.nextDouble() < 0.3;
            boolean needsEte = noWork || random.nextDouble() < 0.3;
            people.add(new Person(unique(used, () -> prisonNumber(random)), prison,
                    WOMENS_PRISON.equals(prison) ? "FEMALE" : "MALE",
                    random.nextDouble() < options.hmppsReceptionShare(), released,
                    !released || random.nextDouble() < options.latePlanShare(), accommodation, ete,
                    needsAccommodation, needsEte, random.nextDouble() < options.declineShare(),
                    random.nextDouble() < options.declineShare(), random.nextDouble() < 0.5, false));
        }
        // due out within days with an accommodation need nobody has accepted: drawn from their own sequence
        Random due = new Random(options.seed() * 31 + 2);
        for (int i = 0; i < options.releasesDue(); i++) {
            String prison = PRISONS.get(i % PRISONS.size());
            people.add(new Person(unique(used, () -> prisonNumber(due)), prison,
                    WOMENS_PRISON.equals(prison) ? "FEMALE" : "MALE", false, false, false, "UNKNOWN", "UNKNOWN",
                    true, false, false, false, false, true));
        }
        List<Order> orders = new ArrayList<>();
        // absences come from their own sequence, so adding them left every other draw of a seed as it was
        Random absences = new Random(options.seed() * 31 + 1);
        for (int i = 0; i < options.orders(); i++) {
            double absence = absences.nextDouble();
            boolean disrupted = random.nextDouble() < options.sentHomeShare();
            String disruption = !disrupted ? "NONE"
                    : random.nextDouble() < 0.5 ? "SENT_HOME" : STAND_DOWN_REASONS.get(random.nextInt(3));
            String motivation = random.nextDouble() < options.motivationAssessedShare()
                    ? MOTIVATIONS.get(random.nextInt(3)) : "NOT_ASSESSED";
            orders.add(new Order(unique(used, () -> crn(random)), AREAS.get(i % AREAS.size()),
                    random.nextDouble() < 0.15 ? "FEMALE" : "MALE", random.nextDouble() < 0.75 ? "GROUP" : "INDIVIDUAL",
                    motivation, random.nextDouble() < options.positiveCompletionShare(), disruption,
                    7 * (1 + random.nextInt(4)), absence < 0.1 ? "UNACCEPTABLE_ABSENCE"
                            : absence < 0.2 ? "ACCEPTABLE_ABSENCE" : "NONE"));
        }
        return new Cohort(List.copyOf(people), List.copyOf(orders));
    }

    private static String unique(Set<String> used, java.util.function.Supplier<String> next) {
        String value = next.get();
        while (!used.add(value)) {
            value = next.get();
        }
        return value;
    }

    private static String prisonNumber(Random random) {
        return "" + letter(random) + (1000 + random.nextInt(9000)) + letter(random) + letter(random);
    }

    private static String crn(Random random) {
        return "" + letter(random) + (100000 + random.nextInt(900000));
    }

    private static char letter(Random random) {
        return (char) ('A' + random.nextInt(26));
    }
}
