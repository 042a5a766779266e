package uk.probation.gate.contracts;

/**
 * The identifiers events and requests carry, each with its one pattern (for {@code @Pattern} and for checking an
 * inbound event) and the message a person is shown when a value does not match it. The events' JSON Schemas use the
 * same patterns.
 */
public final class Identifiers {

    /** A prison number (NOMIS), e.g. A1234BC. */
    public static final String PRISON_NUMBER = "^[A-Z][0-9]{4}[A-Z]{2}$";
    public static final String PRISON_NUMBER_MESSAGE = "must be a prison number like A1234BC";

    /** A case reference number (nDelius), e.g. X123456. */
    public static final String CRN = "^[A-Z][0-9]{6}$";
    public static final String CRN_MESSAGE = "must be a CRN like X123456";

    /** A prison's three-letter code, e.g. NMI. */
    public static final String PRISON_CODE = "^[A-Z]{3}$";
    public static final String PRISON_CODE_MESSAGE = "must be a three-letter prison code";

    /** A responsible officer's staff code. */
    public static final String OFFICER_CODE = "^[A-Z0-9]{3,12}$";
    public static final String OFFICER_CODE_MESSAGE = "must be an officer code of 3-12 letters or digits";

    /** A probation area's code. */
    public static final String AREA_CODE = "^[A-Z0-9]{3,10}$";
    public static final String AREA_CODE_MESSAGE = "must be a probation area code of 3-10 letters or digits";

    private Identifiers() {
    }

    /** Whether {@code value} is a prison number. */
    public static boolean isPrisonNumber(String value) {
        return value != null && value.matches(PRISON_NUMBER);
    }
}
