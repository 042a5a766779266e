package uk.probation.gate.platform.web;

/** Checks {@code page} and {@code size} query parameters the same way everywhere. */
public final class Paging {

    public static final int MAX_SIZE = 200;
    /** No list is read that deep: a bound on page numbers keeps a skip from scanning a whole collection. */
    public static final int MAX_PAGE = 10_000;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiProblem.invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
