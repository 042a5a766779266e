package uk.probation.gate.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.platform.test.Problems.assertProblem;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.probation.gate.platform.it.PlatformTestApplication.Widget;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/**
 * The {@code Idempotency-Key} a caller sends with a POST: a retry with the same body gets the first answer again
 * and changes nothing; the same key with another body is refused (422) naming the header; a refused attempt
 * releases its key; the key is the caller's own.
 */
class IdempotencyKeyIT extends PlatformScenarios {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndMakesNothingMore() {
        String name = "retried-" + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Http.Response first = http.post("/api/widgets", maker, Map.of("name", name), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        Http.Response retry = http.post("/api/widgets", maker, Map.of("name", name), key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");

        assertThat(widgetsNamed(name)).isOne();
        topics.await(PlatformTestApplication.OUTBOUND, e -> first.field("id").equals(e.key()), 1);
        awaitOutboxEmpty("widgets", first.field("id"));
        assertThat(published(first.field("id"))).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedNamingTheHeaderAndMakesNothing() {
        String name = "first-" + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(http.post("/api/widgets", maker, Map.of("name", name), key).status()).isEqualTo(201);

        String other = "other-" + UUID.randomUUID();
        Http.Response refused = http.post("/api/widgets", maker, Map.of("name", other), key);
        assertProblem(refused, 422, "Idempotency-Key");
        assertThat(widgetsNamed(other)).isZero();
        assertThat(widgetsNamed(name)).isOne();
    }

    @Test
    void aRefusedAttemptReleasesItsKeyForTheCorrectedRequest() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Http.Response invalid = http.post("/api/widgets", maker, Map.of("name", ""), key);
        assertProblem(invalid, 400, "name");

        String name = "corrected-" + UUID.randomUUID();
        Http.Response corrected = http.post("/api/widgets", maker, Map.of("name", name), key);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(widgetsNamed(name)).isOne();
    }

    @Test
    void anotherCallersSameKeyIsTheirOwnRequest() {
        String key = UUID.randomUUID().toString();
        String name = "shared-key-" + UUID.randomUUID();
        String someoneElse = Tokens.forUser("someone-else", PlatformTestApplication.ROLE,
                Map.of("aud", java.util.List.of(PlatformTestApplication.APPLICATION)));
        Http.Response mine = http.post("/api/widgets", maker, Map.of("name", name), Map.of("Idempotency-Key", key));
        Http.Response theirs = http.post("/api/widgets", someoneElse, Map.of("name", name),
                Map.of("Idempotency-Key", key));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.field("id")).isNotEqualTo(mine.field("id"));
        assertThat(widgetsNamed(name)).isEqualTo(2);
    }

    @Test
    void aKeyLongerThanTwoHundredCharactersIsRefused() {
        String name = "long-key-" + UUID.randomUUID();
        Http.Response refused = http.post("/api/widgets", maker, Map.of("name", name),
                Map.of("Idempotency-Key", "k".repeat(201)));
        assertProblem(refused, 400, "Idempotency-Key");
        assertThat(widgetsNamed(name)).isZero();
    }

    private long widgetsNamed(String name) {
        return mongo.count(Query.query(Criteria.where("name").is(name)), Widget.class);
    }
}
