package uk.probation.gate.communitypayback.order;

import java.time.LocalDate;
import uk.probation.gate.communitypayback.domain.ProjectType;

/** What an order needs to know about the session attendance is recorded for. */
public record WorkedSession(String sessionId, LocalDate date, String projectCode, ProjectType projectType,
        boolean ete, String areaCode, int lengthMinutes) {
}
