package uk.probation.gate.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** Adds platform-defaults.properties with the lowest precedence: every service shares them, any can override. */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            if (environment.matchesProfiles("dev")) {
                environment.getPropertySources().addLast(new ResourcePropertySource("platformDevDefaults",
                        new ClassPathResource("platform-dev-defaults.properties")));
            }
            environment.getPropertySources().addLast(new ResourcePropertySource("platformDefaults",
                    new ClassPathResource("platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
