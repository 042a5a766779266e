package uk.probation.gate.web.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.probation.gate.web.WebProperties;

/**
 * community-payback-service's public API (orders, projects, sessions, attendance, outcomes), as the person.
 * The coordinator's and supervisor's pages add their calls here.
 */
@Component
public class CommunityPaybackApi {

    private final RestClient http;

    CommunityPaybackApi(ApiCalls calls, WebProperties properties) {
        this.http = calls.forService("community-payback-service", properties.services().communityPayback());
    }

    /** For calls not wrapped yet: the client with the person's token and problem+json errors. */
    public RestClient http() {
        return http;
    }
}
