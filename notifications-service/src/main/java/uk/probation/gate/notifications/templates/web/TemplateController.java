package uk.probation.gate.notifications.templates.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.notifications.templates.MessageTemplate;
import uk.probation.gate.notifications.templates.TemplateLibrary;
import uk.probation.gate.platform.web.ApiProblem;

@RestController
class TemplateController {

    private final TemplateLibrary library;

    TemplateController(TemplateLibrary library) {
        this.library = library;
    }

    /** Every template, by id; optionally only those for one event type or language. */
    @GetMapping("/api/templates")
    List<MessageTemplate> all(@RequestParam(required = false) String eventType,
            @RequestParam(required = false) String language) {
        return library.all().stream()
                .filter(t -> eventType == null || eventType.equals(t.eventType()))
                .filter(t -> language == null || language.equals(t.language())).toList();
    }

    @GetMapping("/api/templates/{id}")
    MessageTemplate get(@PathVariable String id) {
        return library.find(id).orElseThrow(() -> ApiProblem.notFound("Template " + id));
    }

    @PutMapping("/api/templates/{id}")
    MessageTemplate put(@PathVariable String id, @RequestBody TemplateLibrary.Text text) {
        return library.put(id, text);
    }
}
