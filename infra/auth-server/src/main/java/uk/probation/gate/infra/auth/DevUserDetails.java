package uk.probation.gate.infra.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The named dev users, for the sign-in form. */
@Configuration(proxyBeanMethods = false)
class DevUserDetails {

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(DevUsers.all().stream()
                .map(user -> User.withUsername(user.username())
                        .password("{noop}" + user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }
}
