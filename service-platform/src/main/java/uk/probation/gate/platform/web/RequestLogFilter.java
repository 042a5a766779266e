package uk.probation.gate.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import uk.probation.gate.platform.tracing.TraceContext;

/**
 * One access-log line per API request on logger {@code http}, inside the request's trace: method, endpoint pattern
 * (never the path, which may hold a prison number or CRN), status and duration. The trace id is returned in
 * {@code X-Trace-Id} so a caller or a support ticket can name it.
 */
public class RequestLogFilter extends OncePerRequestFilter {

    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final Logger log = LoggerFactory.getLogger("http");

    private final TraceContext traces;

    public RequestLogFilter(TraceContext traces) {
        this.traces = traces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = traces.currentTraceId();
        if (traceId != null) {
            response.setHeader(TRACE_ID_HEADER, traceId);
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            log.info("{} {} {} {} ms", request.getMethod(), pattern == null ? "(no endpoint)" : pattern,
                    response.getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
