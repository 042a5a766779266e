package uk.probation.gate.resettlement.caseload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.resettlement.ResettlementProperties;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.WorkingDays;

@Configuration(proxyBeanMethods = false)
class CaseloadConfiguration {

    @Bean
    Deadlines deadlines(ResettlementProperties properties, ResourceLoader resources, JsonMapper json) {
        WorkingDays workingDays = new WorkingDays(BankHolidays.englandAndWales(
                resources.getResource(properties.bankHolidaysResource()), json));
        return new Deadlines(workingDays, properties.screeningWorkingDays(), properties.preReleaseWeeks(),
                properties.outcomeToRecordDays(), properties.preReleaseReviewDueWeeks());
    }
}
