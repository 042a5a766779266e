package uk.probation.gate.simulator;

/** The system refused or did not answer something the simulator needed: the run stops, saying what. */
public class SimulationException extends RuntimeException {
    public SimulationException(String message) {
        super(message);
    }
}
