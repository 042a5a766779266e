package uk.probation.gate.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import uk.probation.gate.web.api.Page;

/**
 * The GOV.UK pagination under a table: "Showing 1 to 20 of 57 results", previous / next and page numbers, each a
 * link to the same page with the same filters and {@code page} changed (pages count from 1 in the address).
 */
public record Pagination(long from, long to, long total, String previous, String next, List<Item> items) {

    public record Item(Integer number, String href, boolean current) {
        public boolean ellipsis() {
            return number == null;
        }
    }

    /** {@code here} is the current address with its query (filters, sort); {@code page} is replaced. */
    public static Pagination of(Page<?> page, UriComponentsBuilder here) {
        return of(page, here, "page");
    }

    /** For a second table on the same page: its own page parameter, e.g. {@code worklistPage}. */
    public static Pagination of(Page<?> page, UriComponentsBuilder here, String parameter) {
        int size = Math.max(1, page.size());
        long total = page.total();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = page.page() + 1;
        long from = total == 0 ? 0 : (long) page.page() * size + 1;
        long to = Math.min(total, (long) page.page() * size + page.items().size());
        List<Item> items = new ArrayList<>();
        Integer last = null;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - current) <= 1) {
                if (last != null && n - last > 1) {
                    items.add(new Item(null, null, false));
                }
                items.add(new Item(n, href(here, parameter, n), n == current));
                last = n;
            }
        }
        return new Pagination(from, to, total, current > 1 ? href(here, parameter, current - 1) : null,
                current < pages ? href(here, parameter, current + 1) : null, pages > 1 ? items : List.of());
    }

    private static String href(UriComponentsBuilder here, String parameter, int page) {
        return here.cloneBuilder().replaceQueryParam(parameter, page).build().encode().toUriString();
    }
}
