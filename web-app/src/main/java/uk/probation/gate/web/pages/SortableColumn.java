package uk.probation.gate.web.pages;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A table heading that sorts: a link (works without JavaScript) and {@code aria-sort} telling screen readers which
 * column sorts the table and which way. Clicking the sorted column reverses it; the page goes back to 1.
 */
public record SortableColumn(String label, String href, String ariaSort) {

    public static SortableColumn of(String label, String key, String sortedBy, String direction,
            UriComponentsBuilder here) {
        boolean sorted = key.equals(sortedBy);
        boolean ascending = !"desc".equals(direction);
        String next = sorted && ascending ? "desc" : "asc";
        String href = here.cloneBuilder().replaceQueryParam("sort", key).replaceQueryParam("direction", next)
                .replaceQueryParam("page").build().encode().toUriString();
        return new SortableColumn(label, href, sorted ? (ascending ? "ascending" : "descending") : "none");
    }
}
