package uk.probation.gate.communitypayback.project;

import java.util.Set;
import uk.probation.gate.communitypayback.domain.ProjectType;

/**
 * Which types of project an order may be placed on. The order feature answers it, since it holds the order and applies
 * the placement rules; the projects list asks it for {@code suitableFor} without depending on the order feature.
 */
public interface SuitableProjectTypes {

    /** The project types the order may be placed on; null when the order is unknown or outside the caller's areas. */
    Set<ProjectType> suitableProjectTypes(String orderId);
}
