package uk.probation.gate.notifications.recipients.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.notifications.recipients.Recipient;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.platform.web.ApiProblem;

@RestController
class RecipientController {

    private final RecipientDirectory directory;

    RecipientController(RecipientDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/recipients/{code}")
    RecipientView get(@PathVariable String code) {
        return directory.find(code).map(RecipientView::of).orElseThrow(() -> ApiProblem.notFound("Recipient " + code));
    }

    @PutMapping("/api/recipients/{code}")
    RecipientView put(@PathVariable String code, @RequestBody RecipientDirectory.Entry entry) {
        return RecipientView.of(directory.put(code, entry));
    }

    record RecipientView(String code, String kind, String email, String language, String quietHours) {
        static RecipientView of(Recipient r) {
            return new RecipientView(r.code(), r.kind().name(), r.email(), r.language(), r.quietHours());
        }
    }
}
