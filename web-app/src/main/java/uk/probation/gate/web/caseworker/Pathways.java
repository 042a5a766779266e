package uk.probation.gate.web.caseworker;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The plan's pathways, in the order the task list shows them, with the slug each task page has in its address. */
enum Pathways {
    ACCOMMODATION,
    EDUCATION_SKILLS_AND_WORK,
    FINANCE_AND_ID,
    DRUGS_AND_ALCOHOL,
    HEALTH,
    CHILDREN_FAMILIES_AND_COMMUNITY,
    ATTITUDES_THINKING_AND_BEHAVIOUR,
    ABUSE_VICTIM_SUPPORT;

    String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Pathways> fromSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug().equals(slug)).findFirst();
    }

    /** Abuse-victim support is a task for women only. */
    static List<Pathways> forSex(String sex) {
        return Arrays.stream(values()).filter(p -> p != ABUSE_VICTIM_SUPPORT || "FEMALE".equals(sex)).toList();
    }
}
