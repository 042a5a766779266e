package uk.probation.gate.infra.auth;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The named dev users, for the sign-in form: only under the {@code dev} profile; without it nobody signs in. */
@Configuration(proxyBeanMethods = false)
class DevUserDetails {

    @Bean
    UserDetailsService users(Environment environment) {
        List<DevUser> users = ClientRegistrations.dev(environment) ? DevUsers.all() : List.of();
        return new InMemoryUserDetailsManager(users.stream()
                .map(user -> User.withUsername(user.username())
                        .password("{noop}" + user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }
}
