package uk.probation.gate.communitypayback.order.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.order.Caseload;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;

@RestController
class OrderController {

    record PlacementRequest(@NotBlank String projectCode) {
    }

    record ExtensionRequest(@NotNull LocalDate completeBy) {
    }

    private final Orders orders;
    private final Caseload caseload;
    private final Clock clock;

    OrderController(Orders orders, Caseload caseload, Clock clock) {
        this.orders = orders;
        this.caseload = caseload;
        this.clock = clock;
    }

    /** An unpaid work order from court: stored and published as community-payback.order.received. */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> receive(@Valid @RequestBody OrderRequest request) {
        OrderView view = OrderView.of(orders.receive(request.toNewOrder()));
        return ResponseEntity.created(URI.create("/api/orders/" + view.id())).body(view);
    }

    /**
     * Orders in the caller's areas with their hours balance, the one to finish soonest first; {@code overdue} = open
     * past completeBy; {@code crn} finds one person's orders (exact, any case).
     */
    @GetMapping("/api/orders")
    PageResponse<OrderView> list(@RequestParam(required = false) String areaCode,
            @RequestParam(required = false) String crn,
            @RequestParam(required = false) OrderStatus status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        Caseload.Search search = new Caseload.Search(areaCode, crn, status, overdue);
        return new PageResponse<>(caseload.find(search, page, size).stream().map(OrderView::of).toList(), page, size,
                caseload.count(search));
    }

    @GetMapping("/api/orders/{orderId}")
    OrderView get(@PathVariable String orderId) {
        return OrderView.of(orders.require(orderId));
    }

    /** Records (or replaces) the assessment; an order is placed only once assessed. */
    @PutMapping("/api/orders/{orderId}/assessment")
    OrderView assess(@PathVariable String orderId, @Valid @RequestBody AssessmentRequest request) {
        return OrderView.of(orders.assess(orderId, request.toAssessment(LocalDate.now(clock))));
    }

    /** Assigns a project: published as community-payback.placement.assigned. */
    @PostMapping("/api/orders/{orderId}/placement")
    OrderView place(@PathVariable String orderId, @Valid @RequestBody PlacementRequest request) {
        return OrderView.of(orders.place(orderId, request.projectCode()));
    }

    /** The court extended the time to complete: later sessions may be booked. */
    @PostMapping("/api/orders/{orderId}/extension")
    OrderView extend(@PathVariable String orderId, @Valid @RequestBody ExtensionRequest request) {
        return OrderView.of(orders.extend(orderId, request.completeBy()));
    }
}
