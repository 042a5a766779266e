package uk.probation.gate.infra.mongo.wire;

import java.time.Instant;
import java.util.Date;

/**
 * One bound on an indexed field, {@code $gt}, {@code $gte}, {@code $lt} or {@code $lte} a date or a number: what
 * {@link IndexedQueries} serves by reading one range of an index's keys. One bound only: with both, on a field holding
 * an array, MongoDB matches a document whose one element satisfies one bound and another element the other, which
 * one range of keys would miss; so a filter with both is read from its first bound and the other checked on what was
 * read.
 */
record Range(Object bound, boolean below, boolean inclusive) {

    /** The range a condition's operator sets, or null when it is not a bound on a date or a number. */
    static Range of(String operator, Object value) {
        Object bound = bound(value);
        if (bound == null) {
            return null;
        }
        return switch (operator) {
            case "$lt" -> new Range(bound, true, false);
            case "$lte" -> new Range(bound, true, true);
            case "$gt" -> new Range(bound, false, false);
            case "$gte" -> new Range(bound, false, true);
            default -> null;
        };
    }

    /** A value as the index orders it: dates as instants, numbers as doubles; null when it orders neither. */
    static Object bound(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Long big && big != (long) (double) big) {
            return null;
        }
        if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
            return number.doubleValue() == 0 ? 0.0 : number.doubleValue();
        }
        return null;
    }

    /** Whether an indexed (normalized) value is of the bound's type and in the range. */
    boolean contains(Object value) {
        Object comparable = bound(value);
        if (comparable == null || comparable.getClass() != bound.getClass()) {
            return false;
        }
        int order = compare(comparable, bound);
        return below ? (order < 0 || (inclusive && order == 0)) : (order > 0 || (inclusive && order == 0));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
