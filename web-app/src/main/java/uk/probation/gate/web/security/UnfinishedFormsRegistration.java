package uk.probation.gate.web.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class UnfinishedFormsRegistration {

    /** Only inside the security filter chain, where the signed-in person is known. */
    @Bean
    FilterRegistrationBean<UnfinishedForms> notAsServletFilter(UnfinishedForms filter) {
        FilterRegistrationBean<UnfinishedForms> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
