package uk.probation.gate.resettlement.domain;

import uk.probation.gate.contracts.reference.Sex;

/** The resettlement pathways a plan covers; abuse-victim support is for women only. */
public enum Pathway {
    ACCOMMODATION,
    EDUCATION_SKILLS_AND_WORK,
    FINANCE_AND_ID,
    DRUGS_AND_ALCOHOL,
    HEALTH,
    CHILDREN_FAMILIES_AND_COMMUNITY,
    ATTITUDES_THINKING_AND_BEHAVIOUR,
    ABUSE_VICTIM_SUPPORT;

    public boolean appliesTo(Sex sex) {
        return this != ABUSE_VICTIM_SUPPORT || sex == Sex.FEMALE;
    }
}
