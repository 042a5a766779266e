package uk.probation.gate.platform.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.ProblemResponses;

/**
 * Honours {@code Idempotency-Key} on POSTs: the first successful response for (caller, path, key) is kept and
 * returned again for a retry with the same body; the same key with a different body is refused (422); a retry
 * while the first is still running gets 409. Failed attempts release the key so the caller can correct and retry.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    /** How long a first answer is replayed: the same period the retention purge keeps the record. */
    private final Duration keptFor;

    public IdempotencyKeyFilter(MongoTemplate mongo, JsonMapper json, Clock clock, Duration keptFor) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BufferedBodyRequest buffered = new BufferedBodyRequest(request);
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            refuse(response, HttpStatus.BAD_REQUEST, "Invalid request", "Idempotency-Key must be 1-200 characters");
            return;
        }
        String id = sha256(caller() + "\n" + request.getRequestURI() + "\n" + key);
        String requestHash = sha256(new String(buffered.body(), StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Document claim = new Document("_id", id).append("state", "IN_PROGRESS").append("requestHash", requestHash)
                .append("createdAt", java.util.Date.from(now));
        try {
            mongo.insert(claim, COLLECTION);
        } catch (DuplicateKeyException taken) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing != null && existing.getDate("createdAt").toInstant().plus(keptFor).isBefore(now)) {
                mongo.remove(query(where("_id").is(id)), COLLECTION);
                doFilterInternal(request, response, chain);
                return;
            }
            replayOrRefuse(existing, requestHash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(buffered, recorded);
        } finally {
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                mongo.updateFirst(query(where("_id").is(id)), new org.springframework.data.mongodb.core.query.Update()
                        .set("state", "COMPLETED").set("status", recorded.getStatus())
                        .set("contentType", recorded.getContentType())
                        .set("location", recorded.getHeader(HttpHeaders.LOCATION))
                        .set("body", new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)),
                        COLLECTION);
            } else {
                mongo.remove(query(where("_id").is(id)), COLLECTION);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replayOrRefuse(Document existing, String requestHash, HttpServletResponse response)
            throws IOException {
        if (existing == null) {
            refuse(response, HttpStatus.CONFLICT, "Conflict", "A request with this Idempotency-Key is in progress");
        } else if (!requestHash.equals(existing.getString("requestHash"))) {
            refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable",
                    "Idempotency-Key was already used with a different request");
        } else if (!"COMPLETED".equals(existing.getString("state"))) {
            refuse(response, HttpStatus.CONFLICT, "Conflict", "A request with this Idempotency-Key is in progress");
        } else {
            response.setStatus(existing.getInteger("status"));
            if (existing.getString("contentType") != null) {
                response.setContentType(existing.getString("contentType"));
            }
            if (existing.getString("location") != null) {
                response.setHeader(HttpHeaders.LOCATION, existing.getString("location"));
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(existing.getString("body").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(status, title, detail,
                List.of(new ApiProblem.FieldError(HEADER, detail))));
    }

    private static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
