package uk.probation.gate.web.api;

import java.util.List;

/** A page of a service's list: {@code {items, page, size, total}} as every list endpoint answers. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> empty(int size) {
        return new Page<>(List.of(), 0, size, 0);
    }

    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
