package uk.probation.gate.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list the core reads: the items, which page of what size, and how many there are in all. The web
 * layer answers it as {@code platform.web.PageResponse}.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), page, size, 0);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> each) {
        return new Page<>(items.stream().<R>map(each).toList(), page, size, total);
    }
}
