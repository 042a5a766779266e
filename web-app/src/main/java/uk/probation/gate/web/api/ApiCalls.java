package uk.probation.gate.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The one way pages call a service: with the signed-in person's own access token (refreshed when it has expired),
 * and every error turned into {@link ApiProblem} (404 into {@link RecordNotFound}).
 */
@Component
public class ApiCalls {

    private static final org.slf4j.Logger CALLS = org.slf4j.LoggerFactory.getLogger("http.client");

    private final RestClient.Builder builder;
    private final OAuth2AuthorizedClientManager authorizedClients;
    private final ObjectMapper json;

    ApiCalls(RestClient.Builder builder, OAuth2AuthorizedClientManager authorizedClients, ObjectMapper json) {
        this.builder = builder;
        this.authorizedClients = authorizedClients;
        this.json = json;
    }

    /** A client for one service, e.g. {@code forService("resettlement-service", baseUrl)}. */
    public RestClient forService(String service, URI baseUrl) {
        return forService(service, baseUrl, null);
    }

    /** The same, giving up after {@code readTimeout} (then {@link ServiceUnavailable}); null waits as long as it takes. */
    public RestClient forService(String service, URI baseUrl, java.time.Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        if (readTimeout != null) {
            requests.setReadTimeout(readTimeout);
        }
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(accessToken());
                    long start = System.nanoTime();
                    try {
                        var response = execution.execute(request, body);
                        // inside the page request's trace, whose traceparent the call carries to the service: the
                        // service and method only (a path may hold a prison number or CRN)
                        CALLS.info("{} {} {} {} ms", service, request.getMethod(), response.getStatusCode().value(),
                                (System.nanoTime() - start) / 1_000_000);
                        return response;
                    } catch (java.io.IOException e) {
                        CALLS.info("{} {} failed: {}", service, request.getMethod(), e.getClass().getSimpleName());
                        throw new ServiceUnavailable(service, e);
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    throw problem(service, response.getStatusCode().value(), bytes);
                })
                .build();
    }

    private RuntimeException problem(String service, int status, byte[] body) {
        if (status >= 500) {
            return new ServiceUnavailable(service + " answered " + status);
        }
        String title = null;
        String detail = null;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(new String(body, StandardCharsets.UTF_8));
            title = text(problem, "title");
            detail = text(problem, "detail");
            if (problem.has("errors") && problem.get("errors").isArray()) {
                for (JsonNode error : problem.get("errors")) {
                    errors.add(new ApiProblem.FieldError(text(error, "field"), text(error, "message")));
                }
            }
            // extra members as text; an object's members also as "member.field", e.g. modifiedBy.name
            for (var member : problem.properties()) {
                if (!List.of("type", "title", "status", "detail", "instance", "errors").contains(member.getKey())) {
                    JsonNode value = member.getValue();
                    extra.put(member.getKey(), value.isValueNode() ? value.asString() : value.toString());
                    if (value.isObject()) {
                        for (var field : value.properties()) {
                            if (field.getValue().isValueNode()) {
                                extra.put(member.getKey() + "." + field.getKey(), field.getValue().asString());
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // an empty body (e.g. 401 from the resource server) carries no problem
        }
        if (status == 404) {
            return new RecordNotFound(detail);
        }
        return new ApiProblem(status, title, detail, errors, extra);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The person's access token; refreshed with their refresh token when it has expired. */
    private String accessToken() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
        if (person == null || attributes == null) {
            throw new IllegalStateException("services are called only for a signed-in person during a request");
        }
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        OAuth2AuthorizedClient client = authorizedClients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId("gate")
                .principal(person)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());
        if (client == null) {
            throw new ClientAuthorizationRequiredException("gate");
        }
        return client.getAccessToken().getTokenValue();
    }

    static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    static void idempotencyKey(HttpHeaders headers, String key) {
        if (key != null && !key.isBlank()) {
            headers.set("Idempotency-Key", key);
        }
    }
}
