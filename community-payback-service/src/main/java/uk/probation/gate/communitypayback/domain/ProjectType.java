package uk.probation.gate.communitypayback.domain;

/** Supervised group work, or an individual placement with a partner organisation (a college, a charity). */
public enum ProjectType {
    GROUP, INDIVIDUAL
}
