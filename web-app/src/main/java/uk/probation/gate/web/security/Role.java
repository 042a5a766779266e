package uk.probation.gate.web.security;

/** The roles the auth server puts in a person's token, as the services name them. */
public enum Role {
    RESETTLEMENT_CASEWORKER,
    PLACEMENT_COORDINATOR,
    SUPERVISOR,
    PROVIDER,
    OPS_VIEWER,
    ADMIN,
    /** Subject access requests (HMPPS): the services answer /subject-access-request only to this role. */
    SAR_DATA_ACCESS,
    RESPONSIBLE_OFFICER;

    /** For {@code @PreAuthorize}-free checks and {@code hasRole}: the authority Spring Security holds. */
    public String authority() {
        return "ROLE_" + name();
    }
}
