package uk.probation.gate.communitypayback.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.probation.gate.communitypayback.domain.UnpaidWorkTerms;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.communitypayback.OrderReceived;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;

/** Receives unpaid work orders from court and answers what an order stands at. */
@Service
public class Orders {

    private final AggregateStore store;
    private final Events events;
    private final UnpaidWorkTerms terms;
    private final Clock clock;
    private final MeterRegistry meters;

    Orders(AggregateStore store, Events events, CommunityPaybackProperties properties, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.events = events;
        this.terms = new UnpaidWorkTerms(properties.eteSharePercent(), properties.monthsToComplete());
        this.clock = clock;
        this.meters = meters;
    }

    public Order receive(NewOrder order) {
        int requiredMinutes = terms.requiredMinutes(order.requiredHours());
        Order received = new Order(UUID.randomUUID().toString(), order, requiredMinutes,
                terms.eteMinutesAllowed(requiredMinutes), terms.completeBy(order.sentenceDate()), clock.instant());
        received.registerEvent(events.of(EventType.COMMUNITY_PAYBACK_ORDER_RECEIVED, order.crn(),
                new OrderReceived(received.getId(), order.crn(), order.sentenceDate(), requiredMinutes,
                        received.getEteMinutesAllowed(), received.getCompleteBy(), order.areaCode(),
                        order.sex().name(), order.riskOfSeriousHarm().name(), order.responsibleOfficerCode())));
        store.save(received);
        Counter.builder("community_payback.orders.received").description("Unpaid work orders received from court")
                .tag("area", order.areaCode()).tag("sex", order.sex().name()).register(meters).increment();
        return received;
    }

    public Order get(String orderId) {
        return store.findById(orderId, Order.class);
    }
}
