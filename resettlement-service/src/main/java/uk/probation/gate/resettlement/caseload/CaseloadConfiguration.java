package uk.probation.gate.resettlement.caseload;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.WorkingDays;

@Configuration(proxyBeanMethods = false)
class CaseloadConfiguration {

    @Bean
    Deadlines deadlines(ResettlementProperties properties) {
        return new Deadlines(new WorkingDays(Set.copyOf(properties.bankHolidays())),
                properties.screeningWorkingDays(), properties.preReleaseWeeks(), properties.outcomeToRecordDays());
    }
}
