package uk.probation.gate.platform.web;

import java.util.List;
import java.util.function.Function;
import uk.probation.gate.platform.paging.Page;

/** Every list endpoint answers in this shape. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    /** A page the core read, as it is answered. */
    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.total());
    }

    /** A page the core read, each item turned into its view. */
    public static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> view) {
        return of(page.map(view));
    }
}
