package uk.probation.gate.communitypayback.order;

import java.time.LocalDate;
import uk.probation.gate.communitypayback.domain.ProjectType;

/** The project an order is worked on. */
public record Placement(String projectCode, ProjectType projectType, boolean ete, String partner, LocalDate assignedOn) {
}
