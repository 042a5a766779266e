package uk.probation.gate.communitypayback.order.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.platform.web.ApiProblem;

@RestController
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    /** An unpaid work order from court: stored and published as community-payback.order.received. */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> receive(@Valid @RequestBody OrderRequest request) {
        OrderView view = OrderView.of(orders.receive(request.toNewOrder()));
        return ResponseEntity.created(URI.create("/api/orders/" + view.id())).body(view);
    }

    @GetMapping("/api/orders/{orderId}")
    OrderView get(@PathVariable String orderId) {
        Order found = orders.get(orderId);
        if (found == null) {
            throw ApiProblem.notFound("Order " + orderId);
        }
        return OrderView.of(found);
    }
}
