package uk.probation.gate.referral;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.probation.gate.referral.domain.ResponseDeadline;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReferralProperties.class)
class ReferralConfiguration {

    @Bean
    ResponseDeadline responseDeadline(ReferralProperties properties) {
        return new ResponseDeadline(properties.escalation().grace());
    }
}
