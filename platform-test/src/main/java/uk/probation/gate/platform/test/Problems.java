package uk.probation.gate.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one error shape, asserted the same way in every service's tests. */
public final class Problems {

    private Problems() {
    }

    /** An application/problem+json answer with this status, a title and detail, naming {@code field} if given. */
    public static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.field("title")).isNotBlank();
        assertThat(response.field("detail")).isNotBlank();
        if (field != null) {
            assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
        }
    }
}
