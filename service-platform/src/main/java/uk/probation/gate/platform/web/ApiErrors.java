package uk.probation.gate.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.DomainFailure;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.OutsideReach;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.security.SecurityEvents;
import tools.jackson.databind.DatabindException;

/**
 * Maps every refusal to application/problem+json naming the wrong field. Nothing is stored on a 4xx. The core's
 * {@link DomainFailure}s are mapped here and nowhere else (ADR 0015): not found 404, conflict 409, rule violated 422,
 * outside reach 403, each with the same title, detail and {@code errors} an {@link ApiProblem} of that status gives.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e, jakarta.servlet.http.HttpServletRequest request) {
        if (e.status() == HttpStatus.NOT_FOUND) {
            SecurityEvents.refused(request, HttpStatus.NOT_FOUND, "not found or outside the caller's reach");
        }
        return respond(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(DomainFailure.class)
    ResponseEntity<Object> domainFailure(DomainFailure e, jakarta.servlet.http.HttpServletRequest request) {
        return apiProblem(asApiProblem(e), request);
    }

    /** The one mapping from the core's failures to HTTP. */
    static ApiProblem asApiProblem(DomainFailure e) {
        List<ApiProblem.FieldError> errors = e.violations().stream()
                .map(v -> new ApiProblem.FieldError(v.field(), v.message())).toList();
        if (e instanceof NotFound notFound) {
            return ApiProblem.notFound(notFound.what());
        }
        if (e instanceof Conflict) {
            return new ApiProblem(HttpStatus.CONFLICT, "Conflict", e.detail(), errors);
        }
        if (e instanceof RuleViolated) {
            return ApiProblem.unprocessable(e.detail(), errors);
        }
        if (e instanceof OutsideReach) {
            return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", e.detail(), errors);
        }
        throw new IllegalStateException("No HTTP answer for " + e.getClass().getName(), e); // sealed: unreachable
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalidBody(BindException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new ApiProblem.FieldError(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add(new ApiProblem.FieldError(g.getObjectName(),
                g.getDefaultMessage())));
        errors.sort(Comparator.comparing(ApiProblem.FieldError::field));
        return invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new ApiProblem.FieldError(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return invalid(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        if (RequestSizeLimitFilter.causedByTooLarge(e)) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    "The request body is larger than this service accepts", List.of());
        }
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return invalid(List.of(new ApiProblem.FieldError(field, "has an invalid value")));
        }
        return respond(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is not valid JSON", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongType(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new ApiProblem.FieldError(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new ApiProblem.FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        return invalid(List.of(new ApiProblem.FieldError(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        return respond(HttpStatus.CONFLICT, "Conflict",
                "Someone else changed this record at the same time; reload and try again", List.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return respond(HttpStatus.CONFLICT, "Conflict", "A record with the same identity already exists", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noSuchPath(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "Not found", "No such resource", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> wrongMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send application/json", List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e; // the security filter chain answers these (401/403) in the same shape
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side",
                List.of());
    }

    private static ResponseEntity<Object> invalid(List<ApiProblem.FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    static ResponseEntity<Object> respond(HttpStatus status, String title, String detail,
            List<ApiProblem.FieldError> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(status, title, detail, errors));
    }
}
