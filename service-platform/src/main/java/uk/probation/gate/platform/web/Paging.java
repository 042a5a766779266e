package uk.probation.gate.platform.web;

/** Checks {@code page} and {@code size} query parameters the same way everywhere. */
public final class Paging {

    public static final int MAX_SIZE = 200;
    /** No list is read that deep: a bound on page numbers keeps a skip from scanning a whole collection. */
    public static final int MAX_PAGE = 10_000;

    private Paging() {
    }

    public static void check(int page, int size) {
        check(page, size, 1);
    }

    /** For a list that also answers {@code size=0} with its total alone (no item is read). */
    public static void checkTotalAllowed(int page, int size) {
        check(page, size, 0);
    }

    private static void check(int page, int size, int smallest) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiProblem.invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < smallest || size > MAX_SIZE) {
            throw ApiProblem.invalid("size", "must be between " + smallest + " and " + MAX_SIZE);
        }
    }
}
