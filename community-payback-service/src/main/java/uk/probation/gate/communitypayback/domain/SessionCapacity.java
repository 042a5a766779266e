package uk.probation.gate.communitypayback.domain;

import java.util.ArrayList;
import java.util.List;

/** Capacity is supervisors times places per supervisor: computed, never typed in. */
public final class SessionCapacity {

    private SessionCapacity() {
    }

    public static int of(int supervisors, int placesPerSupervisor) {
        if (supervisors < 0 || placesPerSupervisor < 1) {
            throw new IllegalArgumentException("Supervisors must be 0 or more and places per supervisor 1 or more");
        }
        return supervisors * placesPerSupervisor;
    }

    /** What puts a session with this many people booked at risk; empty when it can run as booked. */
    public static List<SessionRisk> risks(int supervisors, int placesPerSupervisor, int booked) {
        List<SessionRisk> risks = new ArrayList<>();
        if (booked > of(supervisors, placesPerSupervisor)) {
            risks.add(SessionRisk.OVER_BOOKED);
        }
        if (supervisors == 0) {
            risks.add(SessionRisk.NO_SUPERVISOR);
        }
        return risks;
    }
}
