package uk.probation.gate.infra.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as Boot's "APPLICATION FAILED TO START" with what to configure, not a stack trace. */
public class AuthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<AuthConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuthConfigurationException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
