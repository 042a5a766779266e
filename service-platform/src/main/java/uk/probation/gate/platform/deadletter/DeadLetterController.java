package uk.probation.gate.platform.deadletter;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.platform.audit.AuditTrail;

/** ADMIN: republish dead letters once the cause is fixed. */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final AuditTrail audit;

    DeadLetterController(DeadLetters deadLetters, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @PostMapping("/api/admin/dead-letters/replay")
    Map<String, Object> replay() throws Exception {
        int replayed;
        try {
            replayed = deadLetters.replay();
        } catch (DeadLetters.ReplayRunningElsewhere e) {
            throw uk.probation.gate.platform.web.ApiProblem.conflict(e.getMessage());
        }
        audit.record("dead_letters", deadLetters.topic(), "replayed", java.util.List.of());
        return Map.of("topic", deadLetters.topic(), "replayed", replayed);
    }
}
