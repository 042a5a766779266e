package uk.probation.gate.infra.stack.bench;

/**
 * Unique fake identifiers, counted rather than random so 100,000 of them never collide: a prison number like
 * {@code S1234AB} and a CRN like {@code S123456}, whose first letter names who made them (seeding, a phase of the
 * run), so the seeded people and each phase's receptions never share an identifier.
 */
final class PersonNumbers {

    private static final int DIGITS = 9_000;

    private PersonNumbers() {
    }

    /** Up to 6,084,000 per letter. */
    static String prisonNumber(char series, int n) {
        int letters = n / DIGITS;
        return "" + series + (1000 + n % DIGITS) + (char) ('A' + letters / 26 % 26) + (char) ('A' + letters % 26);
    }

    /** Up to 900,000 per letter. */
    static String crn(char series, int n) {
        return "" + series + (100_000 + n % 900_000);
    }
}
