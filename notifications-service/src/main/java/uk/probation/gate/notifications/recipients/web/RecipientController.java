package uk.probation.gate.notifications.recipients.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.time.Instant;
import uk.probation.gate.notifications.domain.RecipientKind;
import uk.probation.gate.notifications.recipients.Recipient;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;

@RestController
class RecipientController {

    private final RecipientDirectory directory;

    RecipientController(RecipientDirectory directory) {
        this.directory = directory;
    }

    /** The directory for the admin page, by code; {@code kind} narrows it to one kind of recipient. */
    @GetMapping("/api/recipients")
    PageResponse<RecipientView> list(@RequestParam(required = false) RecipientKind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return PageResponse.of(directory.list(kind, page, size), RecipientView::of);
    }

    @GetMapping("/api/recipients/{code}")
    RecipientView get(@PathVariable String code) {
        return directory.find(code).map(RecipientView::of).orElseThrow(() -> ApiProblem.notFound("Recipient " + code));
    }

    @PutMapping("/api/recipients/{code}")
    RecipientView put(@PathVariable String code, @RequestBody RecipientDirectory.Entry entry) {
        return RecipientView.of(directory.put(code, entry));
    }

    record RecipientView(String code, String kind, String email, String language, String quietHours,
            Instant updatedAt) {
        static RecipientView of(Recipient r) {
            return new RecipientView(r.code(), r.kind().name(), r.email(), r.language(), r.quietHours(),
                    r.updatedAt());
        }
    }
}
