package uk.probation.gate.platform.security;

/** The roles a token can carry in its {@code roles} claim. */
public final class Roles {
    public static final String RESETTLEMENT_CASEWORKER = "RESETTLEMENT_CASEWORKER";
    public static final String PLACEMENT_COORDINATOR = "PLACEMENT_COORDINATOR";
    public static final String PROVIDER = "PROVIDER";
    public static final String RESPONSIBLE_OFFICER = "RESPONSIBLE_OFFICER";
    public static final String OPS_VIEWER = "OPS_VIEWER";
    public static final String ADMIN = "ADMIN";

    /** The claim of a PROVIDER token that names its provider code. */
    public static final String PROVIDER_CLAIM = "provider";

    private Roles() {
    }
}
