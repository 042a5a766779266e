package uk.probation.gate.communitypayback.project;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.communitypayback.domain.ProjectType;

/** A group project or an individual placement with a partner; keyed by its code. Publishes nothing. */
@Document("projects")
public record Project(@Id String code, String name, String areaCode, ProjectType type, String partner, boolean ete,
        Instant createdAt) {
}
