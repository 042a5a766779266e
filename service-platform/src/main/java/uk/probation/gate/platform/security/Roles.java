package uk.probation.gate.platform.security;

/** The roles a token can carry in its {@code roles} claim, and the claims that say where its holder works. */
public final class Roles {
    public static final String RESETTLEMENT_CASEWORKER = "RESETTLEMENT_CASEWORKER";
    public static final String PLACEMENT_COORDINATOR = "PLACEMENT_COORDINATOR";
    /** Community Payback supervisor: reads the sessions of its areas and records attendance, nothing else. */
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String PROVIDER = "PROVIDER";
    public static final String RESPONSIBLE_OFFICER = "RESPONSIBLE_OFFICER";
    public static final String OPS_VIEWER = "OPS_VIEWER";
    public static final String ADMIN = "ADMIN";
    /** The HMPPS subject access request service: reads {@code GET /subject-access-request}, nothing else. */
    public static final String SAR_DATA_ACCESS = "SAR_DATA_ACCESS";

    /** The claim of a PROVIDER token that names its provider code. */
    public static final String PROVIDER_CLAIM = "provider";
    /** The prison codes a RESETTLEMENT_CASEWORKER works at. */
    public static final String PRISONS_CLAIM = "prisons";
    /** The area codes a PLACEMENT_COORDINATOR or SUPERVISOR works in. */
    public static final String AREAS_CLAIM = "areas";
    /** The signed-in person's display name (user tokens only). */
    public static final String NAME_CLAIM = "name";
    /** A RESPONSIBLE_OFFICER's officer code (the code events carry as {@code responsibleOfficerCode}). */
    public static final String OFFICER_CLAIM = "officer";

    private Roles() {
    }
}
