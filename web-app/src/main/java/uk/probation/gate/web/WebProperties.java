package uk.probation.gate.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the auth server and the services are, and what the business may change.
 *
 * @param authServer the issuer; its endpoints are derived from it so the app starts without it being up
 * @param authServerBackchannel where this app itself reaches the auth server for the code exchange and keys, when
 *     that differs from the browser-facing issuer (docker compose: auth-server:9000 inside, localhost:9000 outside)
 * @param services each service's base URL
 * @param feedbackUrl the phase banner's feedback link
 * @param timeoutWarning how long before the session ends the "stay signed in" dialog opens
 * @param releaseWithinDays the release-readiness worklist's horizon
 */
@ConfigurationProperties("web")
public record WebProperties(
        @DefaultValue("http://127.0.0.1:9000") URI authServer,
        URI authServerBackchannel,
        @DefaultValue Services services,
        @DefaultValue("mailto:through-the-gate-feedback@probation.example") String feedbackUrl,
        @DefaultValue("http://127.0.0.1:3000") String grafanaUrl,
        @DefaultValue("2m") Duration timeoutWarning,
        @DefaultValue("14") int releaseWithinDays) {

    public record Services(
            @DefaultValue("http://127.0.0.1:8081") URI resettlement,
            @DefaultValue("http://127.0.0.1:8082") URI communityPayback,
            @DefaultValue("http://127.0.0.1:8083") URI referral,
            @DefaultValue("http://127.0.0.1:8084") URI notifications) {
    }
}
