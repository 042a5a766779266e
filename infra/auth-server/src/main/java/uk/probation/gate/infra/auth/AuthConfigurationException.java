package uk.probation.gate.infra.auth;

/** The auth server cannot start as configured; {@link #action()} says what to configure. */
class AuthConfigurationException extends IllegalStateException {

    private final String problem;
    private final String action;

    AuthConfigurationException(String problem, String action) {
        super(problem + ". " + action);
        this.problem = problem;
        this.action = action;
    }

    String problem() {
        return problem + ".";
    }

    String action() {
        return action;
    }
}
