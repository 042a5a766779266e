package uk.probation.gate.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The ops viewer's outcomes page and its CSV downloads over stubbed figures. */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomesPageTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OutcomeFigures figures;

    static RequestPostProcessor ops() {
        return oidcLogin().idToken(token -> token.subject("ops").claim("name", "Olu Adeyemi")
                .claim("roles", List.of("OPS_VIEWER"))).authorities(new SimpleGrantedAuthority("ROLE_OPS_VIEWER"));
    }

    private void stub() {
        when(figures.releases("prison")).thenReturn(List.of(new OutcomeFigures.Releases("NMI", null, 40,
                Map.of("NO_FIXED_ABODE", 13L, "SETTLED", 27L), Map.of("NONE", 30L, "EMPLOYMENT", 10L), 0.325, 0.75)));
        when(figures.releases("sex")).thenReturn(List.of(new OutcomeFigures.Releases(null, "FEMALE", 10,
                Map.of("NO_FIXED_ABODE", 5L), Map.of("NONE", 8L), 0.5, 0.8), new OutcomeFigures.Releases(null,
                "MALE", 30, Map.of("NO_FIXED_ABODE", 8L), Map.of("NONE", 22L), 8 / 30.0, 22 / 30.0)));
        when(figures.unpaidWork("area")).thenReturn(List.of(new OutcomeFigures.UnpaidWork("N53DER", null, 20, 10, 9,
                0.9, 0.9, 100, 30, 5, 0.3)));
        when(figures.unpaidWork("sex")).thenReturn(List.of(new OutcomeFigures.UnpaidWork(null, "MALE", 20, 10, 8,
                0.8, 0.9, 100, 30, 5, 0.3)));
    }

    @Test
    void theHeadlineFiguresByPrisonAreaAndSexWithDashboardLinks() throws Exception {
        stub();
        assertThat(mvc.perform(get("/").with(ops())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/outcomes");
        String page = mvc.perform(get("/outcomes").with(ops())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Homeless on release").contains("32.5%").contains("HMP Nottingham")
                .contains("75%").contains("Derby").contains("Meets 90%").contains("Below 90%")
                .contains("http://127.0.0.1:3000/d/ttg-resettlement").contains("http://127.0.0.1:3000/d/ttg-unpaid-work")
                .contains("/outcomes/releases-by-prison.csv").contains("/outcomes/unpaid-work-by-sex.csv");
        // no prison number or CRN on the page (the random sign-out CSRF token could look like one: not counted)
        String shown = page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
        assertThat(shown).doesNotContainPattern("\\b[A-Z][0-9]{4}[A-Z]{2}\\b")
                .doesNotContainPattern("\\b[A-Z][0-9]{6}\\b");
    }

    @Test
    void eachTableDownloadsAsCsvWithTheSameFigures() throws Exception {
        stub();
        MvcResult csv = mvc.perform(get("/outcomes/releases-by-prison.csv").with(ops())).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment")
                .contains("releases-by-prison.csv");
        assertThat(csv.getResponse().getContentAsString()).isEqualTo(
                "Prison,Released,No fixed abode,Homeless on release,\"No work, education or training\",No work on release\r\n"
                        + "HMP Nottingham,40,13,32.5%,30,75%\r\n");
        assertThat(mvc.perform(get("/outcomes/nonsense.csv").with(ops())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aProviderCannotSeeTheOutcomes() throws Exception {
        RequestPostProcessor provider = oidcLogin().idToken(token -> token.subject("prov-ingeus")
                .claim("roles", List.of("PROVIDER")).claim("provider", "INGEUS"))
                .authorities(new SimpleGrantedAuthority("ROLE_PROVIDER"));
        assertThat(mvc.perform(get("/outcomes").with(provider)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/outcomes/releases-by-sex.csv").with(provider)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
