package uk.probation.gate.communitypayback.project.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.project.Projects;
import uk.probation.gate.communitypayback.project.SuitableProjectTypes;
import uk.probation.gate.platform.web.ApiProblem;
import uk.probation.gate.platform.web.PageResponse;
import uk.probation.gate.platform.web.Paging;

@RestController
class ProjectController {

    private static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    private static final String CODE_MESSAGE = "must be a code of up to 64 letters, digits, '_', '.' or '-'";

    record ProjectRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String areaCode,
            @NotNull ProjectType type,
            @Size(max = 200) String partner,
            Boolean ete) {
    }

    private final Projects projects;
    private final SuitableProjectTypes suitableProjectTypes;

    ProjectController(Projects projects, SuitableProjectTypes suitableProjectTypes) {
        this.projects = projects;
        this.suitableProjectTypes = suitableProjectTypes;
    }

    @PostMapping("/api/projects")
    ResponseEntity<Project> create(@Valid @RequestBody ProjectRequest r) {
        Project created = projects.create(r.code(), r.name(), r.areaCode(), r.type(), r.partner(),
                Boolean.TRUE.equals(r.ete()));
        return ResponseEntity.created(URI.create("/api/projects/" + created.code())).body(created);
    }

    @GetMapping("/api/projects/{code}")
    Project get(@PathVariable String code) {
        return projects.get(code);
    }

    /**
     * Projects in the caller's areas; {@code suitableFor} (an order id) keeps those the order may be placed on under
     * the placement rules (none before the assessment, group work only for a high-risk person).
     */
    @GetMapping("/api/projects")
    PageResponse<Project> list(@RequestParam(required = false) String areaCode,
            @RequestParam(required = false) String suitableFor,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        Set<ProjectType> types = null;
        if (suitableFor != null) {
            types = suitableProjectTypes.suitableProjectTypes(suitableFor);
            if (types == null) {
                throw ApiProblem.unprocessable("There is no such order",
                        List.of(new ApiProblem.FieldError("suitableFor", "no order " + suitableFor)));
            }
        }
        return new PageResponse<>(projects.list(areaCode, types, page, size), page, size,
                projects.count(areaCode, types));
    }
}
