package uk.probation.gate.web.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.probation.gate.web.WebProperties;

/** notifications-service's public API (recipients, templates, delivery log), as the person. */
@Component
public class NotificationsApi {

    private final RestClient http;

    NotificationsApi(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("notifications-service", properties.services().notifications());
    }

    /** For calls not wrapped yet: the client with the person's token and problem+json errors. */
    public RestClient http() {
        return http;
    }
}
