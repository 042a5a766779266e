package uk.probation.gate.platform.deadletter;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: republish dead letters once the cause is fixed. */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/admin/dead-letters/replay")
    Map<String, Object> replay() throws Exception {
        int replayed = deadLetters.replay();
        return Map.of("topic", deadLetters.topic(), "replayed", replayed);
    }
}
