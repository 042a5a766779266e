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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>
 * The "in progress" mark is a lease ({@code platform.idempotency.in-progress-lease}, seconds): an instance that died
 * between taking the key and answering (SIGKILL, OOM, a lost machine) cannot release it, so once the lease has run
 * out a retry with the same key and body takes it over and runs the request. A request still running after its
 * lease may then run twice; the handlers' own checks (natural keys, versions) keep that to one effect, and the
 * lease is far longer than any request takes (ADR 0012).
 * <p>
 * An attempt may also have died after its change was stored but before its answer was: the retry that takes the
 * key over then runs as a {@link KeyedRequest} that resumes an abandoned attempt, and the handlers answer with what
 * is stored (see {@code AggregateStore.alreadyApplied}) instead of refusing a change that is already made.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String COLLECTION = "idempotency_keys";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    /** How long a first answer is replayed: the same period the retention purge keeps the record. */
    private final Duration keptFor;
    /** How long an answer-less "in progress" mark holds off a retry before the retry may take the key over. */
    private final Duration inProgressLease;

    public IdempotencyKeyFilter(MongoTemplate mongo, JsonMapper json, Clock clock, Duration keptFor,
            Duration inProgressLease) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.keptFor = keptFor;
        this.inProgressLease = inProgressLease;
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
        boolean resumed = false;
        Document claim = new Document("_id", id).append("state", "IN_PROGRESS").append("requestHash", requestHash)
                .append("createdAt", java.util.Date.from(now))
                .append("leaseUntil", java.util.Date.from(now.plus(inProgressLease)));
        try {
            mongo.insert(claim, COLLECTION);
        } catch (DuplicateKeyException taken) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing != null && existing.getDate("createdAt").toInstant().plus(keptFor).isBefore(now)) {
                mongo.remove(query(where("_id").is(id)), COLLECTION);
                doFilterInternal(request, response, chain);
                return;
            }
            if (!takeOverAbandoned(existing, requestHash, now)) {
                replayOrRefuse(existing, requestHash, response);
                return;
            }
            resumed = true;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            new KeyedRequest(id, resumed).handle(chain, buffered, recorded);
        } finally {
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                mongo.updateFirst(query(where("_id").is(id)), new Update()
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

    /**
     * Takes over a key whose holder died: still in progress, same request, lease run out. One atomic update
     * conditioned on the lease the retry saw, so of two concurrent retries only one takes it.
     */
    private boolean takeOverAbandoned(Document existing, String requestHash, Instant now) {
        if (existing == null || "COMPLETED".equals(existing.getString("state"))
                || !requestHash.equals(existing.getString("requestHash"))) {
            return false;
        }
        java.util.Date lease = existing.getDate("leaseUntil");
        Instant leaseEnds = lease != null ? lease.toInstant() : existing.getDate("createdAt").toInstant().plus(inProgressLease);
        if (leaseEnds.isAfter(now)) {
            return false;
        }
        Query seen = query(where("_id").is(existing.get("_id")).and("state").is("IN_PROGRESS")
                .and("leaseUntil").is(lease));
        boolean taken = mongo.updateFirst(seen, new Update().set("leaseUntil", java.util.Date.from(now.plus(inProgressLease)))
                .inc("takenOver", 1), COLLECTION).getModifiedCount() > 0;
        if (taken) {
            log.info("Idempotency key abandoned in progress since {} taken over by a retry", existing.getDate("createdAt").toInstant());
        }
        return taken;
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
