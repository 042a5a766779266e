package uk.probation.gate.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;

/** Provider performance for ops viewers and admins over a stubbed referral-service. */
@SpringBootTest
@AutoConfigureMockMvc
class PerformancePageTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ProviderPerformance performance;
    @MockitoBean
    OutcomeFigures figures;

    @Test
    void aTablePerProviderForTheLast90DaysByDefaultLinkedFromTheNavigation() throws Exception {
        LocalDate today = LocalDate.now();
        when(performance.between(today.minusDays(90), today)).thenReturn(new Page<>(List.of(
                new ProviderPerformance.Provider("IN_HOUSE_HOUSING", "In-house housing and welfare specialists", 12,
                        9, 3, 1, 2.0, 6.5, List.of(new ProviderPerformance.OutcomeCount("ACCOMMODATION",
                                "SETTLED_ACCOMMODATION_SECURED", 4))),
                new ProviderPerformance.Provider("SOVA", null, 0, 0, 0, 0, null, null, List.of())), 0, 100, 2));
        String page = mvc.perform(get("/provider-performance").with(OutcomesPageTest.ops())).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Provider performance").contains("href=\"/provider-performance\"")
                .contains("In-house housing and welfare specialists").contains(">12<").contains(">9<")
                .contains("2 days").contains("6.5 days").contains("Settled accommodation secured")
                .contains(">Sova<").contains("None yet").contains("No outcomes recorded in this period")
                .contains("name=\"from-year\" type=\"text\" inputmode=\"numeric\" value=\"" + today.minusDays(90).getYear() + "\"")
                .doesNotContain("SETTLED_ACCOMMODATION_SECURED<");
    }

    @Test
    void aChosenPeriodIsAskedForAndABadOneIsAnErrorAtTheField() throws Exception {
        when(performance.between(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30))).thenReturn(Page.empty(100));
        String page = mvc.perform(get("/provider-performance").param("from-day", "1").param("from-month", "9")
                .param("from-year", "2026").param("to-day", "30").param("to-month", "11").param("to-year", "2026")
                .with(OutcomesPageTest.ops())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("From\n    1 September 2026 to 30 November 2026")
                .contains("No provider received a referral in this period");

        String backwards = mvc.perform(get("/provider-performance").param("from-day", "1").param("from-month", "12")
                .param("from-year", "2026").param("to-day", "1").param("to-month", "9").param("to-year", "2026")
                .with(OutcomesPageTest.ops())).andReturn().getResponse().getContentAsString();
        assertThat(backwards).contains("To must be the same as or after from").contains("href=\"#to-day\"");

        when(performance.between(eq(LocalDate.of(2020, 1, 1)), any())).thenThrow(new ApiProblem(422, "Invalid",
                null, List.of(new ApiProblem.FieldError("from", "must be within the last 2 years")), Map.of()));
        String refused = mvc.perform(get("/provider-performance").param("from-day", "1").param("from-month", "1")
                .param("from-year", "2020").param("to-day", "1").param("to-month", "1").param("to-year", "2021")
                .with(OutcomesPageTest.ops())).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("From must be within the last 2 years").contains("id=\"from-day-error\"");
    }

    @Test
    void aProviderCannotOpenIt() throws Exception {
        var provider = oidcLogin().idToken(token -> token.subject("prov-sova").claim("roles", List.of("PROVIDER"))
                .claim("provider", "SOVA")).authorities(new SimpleGrantedAuthority("ROLE_PROVIDER"));
        assertThat(mvc.perform(get("/provider-performance").with(provider)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        verify(performance, never()).between(any(), any());
    }
}
