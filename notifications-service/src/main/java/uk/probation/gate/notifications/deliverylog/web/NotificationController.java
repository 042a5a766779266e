package uk.probation.gate.notifications.deliverylog.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.notifications.deliverylog.DeliveryLog;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;

@RestController
class NotificationController {

    private final DeliveryLog deliveryLog;

    NotificationController(DeliveryLog deliveryLog) {
        this.deliveryLog = deliveryLog;
    }

    /** The delivery log, newest first: one entry per (event, recipient). */
    @GetMapping("/api/notifications")
    PageResponse<NotificationView> find(@RequestParam(required = false) String recipientCode,
            @RequestParam(required = false) String eventType, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        DeliveryLog.Found found = deliveryLog.find(blankToNull(recipientCode), blankToNull(eventType), page, size);
        return new PageResponse<>(found.items().stream().map(NotificationView::of).toList(), page, size,
                found.total());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
