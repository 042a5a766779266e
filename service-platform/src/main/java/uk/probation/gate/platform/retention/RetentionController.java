package uk.probation.gate.platform.retention;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.audit.AuditTrail;
import uk.probation.gate.platform.web.ApiProblem;

/** ADMIN: what is kept for how long and when it was last purged; run the purge now. */
@RestController
public class RetentionController {

    private final RetentionJob job;
    private final AuditTrail audit;

    public RetentionController(RetentionJob job, AuditTrail audit) {
        this.job = job;
        this.audit = audit;
    }

    @GetMapping("/api/admin/retention")
    public List<RetentionJob.PolicyView> policies() {
        return job.policies();
    }

    /** 200 with what was purged, or 409 while another instance is purging. */
    @PostMapping("/api/admin/retention/run")
    public ResponseEntity<RetentionJob.RunResult> run() {
        RetentionJob.RunResult result = job.runNow();
        if (result == null) {
            throw ApiProblem.conflict("A purge is already running on another instance; try again in a minute");
        }
        audit.record(RetentionJob.RUNS, "retention", "run", result.purged().keySet());
        return ResponseEntity.status(HttpStatus.OK).body(result);
    }
}
