package uk.probation.gate.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.Page;
import uk.probation.gate.web.api.RecordNotFound;
import uk.probation.gate.web.security.UnfinishedForms;

/** The admin's routing table, recipient directory and templates over stubbed services. */
@SpringBootTest
@AutoConfigureMockMvc
class AdminPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AdminApi api;

    static RequestPostProcessor admin() {
        return oidcLogin().idToken(token -> token.subject("admin").claim("name", "Ada Morgan")
                .claim("roles", List.of("ADMIN"))).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    static final AdminApi.Rule HOUSING = new AdminApi.Rule("ACCOMMODATION", null, null, null, null,
            "IN_HOUSE_HOUSING", 1, 5, null, null);
    static final AdminApi.Rule WORK = new AdminApi.Rule("EDUCATION_SKILLS_AND_WORK", "NMI", null, "MALE", null,
            "INGEUS", 1, 10, 10, 56);

    private void routing(long version) {
        when(api.routingTable()).thenReturn(new AdminApi.RoutingTable(List.of(HOUSING, WORK), version));
        when(api.providers()).thenReturn(List.of(new AdminApi.Provider("INGEUS", "Ingeus", List.of()),
                new AdminApi.Provider("SOVA", "Sova", List.of())));
    }

    @Test
    void theRoutingTableAndARuleToChange() throws Exception {
        routing(3);
        assertThat(mvc.perform(get("/").with(admin())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/admin/routing");
        String table = mvc.perform(get("/admin/routing").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(table).contains("In-house housing and welfare specialists").contains("At HMP Nottingham")
                .contains("/admin/routing/rules/2").contains("Routing table").contains("Recipients")
                .contains("Templates").contains("Outcomes");
        String form = mvc.perform(get("/admin/routing/rules/2").with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("Change rule 2").contains("name=\"version\" value=\"3\"")
                .contains("<option value=\"INGEUS\" selected=\"selected\">Ingeus</option>");
        assertThat(mvc.perform(get("/admin/routing/rules/9").with(admin())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aRuleIsSavedWithTheVersionReadAsIfMatch() throws Exception {
        routing(3);
        String next = mvc.perform(post("/admin/routing/rules/2").with(admin()).with(csrf()).param("version", "3")
                .param("providerCode", "SOVA").param("priority", "2").param("responseDays", "7")
                .param("formToken", "t")).andReturn().getResponse().getRedirectedUrl();
        assertThat(next).isEqualTo("/admin/routing");
        verify(api).replaceRoutingTable(List.of(HOUSING, new AdminApi.Rule("EDUCATION_SKILLS_AND_WORK", "NMI", null,
                "MALE", null, "SOVA", 2, 7, 10, 56)), 3);
    }

    @Test
    void aStaleEditSaysWhoChangedTheTableAndKeepsWhatWasTyped() throws Exception {
        routing(4);
        when(api.replaceRoutingTable(any(), eq(3L))).thenThrow(new ApiProblem(409, "Conflict", "changed",
                List.of(), Map.of()));
        when(api.lastRoutingChange()).thenReturn(new AdminApi.Change("admin-2", Instant.parse("2026-11-27T10:14:00Z")));
        String page = mvc.perform(post("/admin/routing/rules/2").with(admin()).with(csrf()).param("version", "3")
                .param("providerCode", "SOVA").param("priority", "2").param("responseDays", "7")
                .param("formToken", "t")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("admin-2").contains("The routing table was changed by").contains("10:14am on 27 November 2026")
                .contains("Latest saved version").contains("name=\"version\" value=\"4\"")
                .contains("value=\"7\"").contains("<option value=\"SOVA\" selected=\"selected\">");
    }

    @Test
    void aRefusedRuleIsShownAtTheField() throws Exception {
        routing(3);
        when(api.replaceRoutingTable(any(), anyLong())).thenThrow(new ApiProblem(422, "Unprocessable", "no",
                List.of(new ApiProblem.FieldError("rules[1].responseDays", "must be between 0 and 90")), Map.of()));
        String page = mvc.perform(post("/admin/routing/rules/2").with(admin()).with(csrf()).param("version", "3")
                .param("providerCode", "SOVA").param("priority", "1").param("responseDays", "120")
                .param("formToken", "t")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"responseDays-error\"").contains("Days to respond must be between 0 and 90");
        String local = mvc.perform(post("/admin/routing/rules/2").with(admin()).with(csrf()).param("version", "3")
                .param("providerCode", "SOVA").param("priority", "x").param("responseDays", "7")).andReturn()
                .getResponse().getContentAsString();
        assertThat(local).contains("Priority must be a whole number");
    }

    @Test
    void recipientsAreListedAddedAndChangedWith422sAtTheField() throws Exception {
        AdminApi.Recipient officer = new AdminApi.Recipient("N01RO1", "RESPONSIBLE_OFFICER", "ro@probation.example",
                "cy", "21:00-08:00", Instant.now());
        when(api.recipients(null, 0, 20)).thenReturn(new Page<>(List.of(officer), 0, 20, 1));
        when(api.recipient("N01RO1")).thenReturn(officer);
        when(api.recipient("NEW1")).thenThrow(new RecordNotFound("no"));
        assertThat(mvc.perform(get("/admin/recipients").with(admin())).andReturn().getResponse().getContentAsString())
                .contains("N01RO1").contains("Responsible officer").contains("Welsh").contains("Showing");
        assertThat(mvc.perform(get("/admin/recipients/N01RO1").with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("ro@probation.example").contains("/admin/recipients/N01RO1/edit");
        assertThat(mvc.perform(get("/admin/recipients/new").with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("Add a recipient").contains("name=\"code\"");
        // a recipient's code is what the directory knows them by: it is not offered for change
        assertThat(mvc.perform(get("/admin/recipients/N01RO1/edit").with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("Change recipient N01RO1").doesNotContain("name=\"code\"");

        when(api.putRecipient(eq("NEW1"), any())).thenThrow(new ApiProblem(422, "Unprocessable", "no",
                List.of(new ApiProblem.FieldError("email", "an e-mail address")), Map.of()));
        String refused = mvc.perform(post("/admin/recipients/new").with(admin()).with(csrf()).param("code", "NEW1")
                .param("kind", "PROVIDER").param("email", "nope").param("language", "en").param("formToken", "t"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"email-error\"").contains("Enter an email address in the correct format")
                .contains("value=\"nope\"");

        String taken = mvc.perform(post("/admin/recipients/new").with(admin()).with(csrf()).param("code", "N01RO1")
                .param("kind", "PROVIDER").param("email", "a@b.example").param("language", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("already in the directory");
        verify(api, never()).putRecipient(eq("N01RO1"), any());

        String changed = mvc.perform(post("/admin/recipients/N01RO1/edit").with(admin()).with(csrf())
                .param("kind", "RESPONSIBLE_OFFICER").param("email", "ro@probation.example").param("language", "en")
                .param("formToken", "t2")).andReturn().getResponse().getRedirectedUrl();
        assertThat(changed).isEqualTo("/admin/recipients/N01RO1");
    }

    @Test
    void aTemplateShowsItsPlaceholdersPreviewsAndRefusesAnUnknownOneAtTheField() throws Exception {
        AdminApi.Template template = new AdminApi.Template("resettlement.prisoner.received.en",
                "resettlement.prisoner.received", "en", "resettlement.prisoner.received",
                "Reception: {{prisonNumber}} at {{prisonName}}", "{{prisonNumber}}{{#crn}} (CRN {{crn}}){{/crn}} arrived",
                Instant.now());
        when(api.templates()).thenReturn(List.of(template));
        when(api.template(template.id())).thenReturn(template);
        assertThat(mvc.perform(get("/admin/templates").with(admin())).andReturn().getResponse().getContentAsString())
                .contains("resettlement.prisoner.received.en").contains("English");
        String page = mvc.perform(get("/admin/templates/" + template.id()).with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<mark class=\"app-placeholder\">{{prisonNumber}}</mark>")
                .contains("<code>prisonName</code>").contains("<code>crn</code>");

        String preview = mvc.perform(post("/admin/templates/" + template.id()).with(admin()).with(csrf())
                .param("subject", "Arrived: {{prisonCode}}").param("body", "Hello").param("action", "preview"))
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("Preview of your changes").contains("<code>prisonCode</code>");
        verify(api, never()).putTemplate(any(), any(), any());

        when(api.putTemplate(eq(template.id()), eq("Arrived: {{nope}}"), any())).thenThrow(new ApiProblem(422,
                "Unprocessable", "no", List.of(new ApiProblem.FieldError("subject",
                "{{nope}} (line 1) is not something a resettlement.prisoner.received event carries")), Map.of()));
        String refused = mvc.perform(post("/admin/templates/" + template.id()).with(admin()).with(csrf())
                .param("subject", "Arrived: {{nope}}").param("body", "Hello").param("formToken", "t"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"subject-error\"").contains("Subject {{nope}} (line 1) is not something");
    }

    @Test
    void whatWasTypedBeforeATimeOutIsShownAgainAfterSigningIn() throws Exception {
        routing(3);
        String page = mvc.perform(get("/admin/routing/rules/2").with(admin())
                .requestAttr(UnfinishedForms.RESTORED, true).param("providerCode", "SOVA").param("priority", "4")
                .param("responseDays", "9").param("version", "3")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("You were signed out").contains("value=\"9\"").contains("value=\"4\"")
                .contains("<option value=\"SOVA\" selected=\"selected\">");
    }

    @Test
    void anOpsViewerCannotOpenTheAdminPages() throws Exception {
        RequestPostProcessor ops = oidcLogin().idToken(token -> token.subject("ops").claim("roles",
                List.of("OPS_VIEWER"))).authorities(new SimpleGrantedAuthority("ROLE_OPS_VIEWER"));
        for (String path : List.of("/admin/routing", "/admin/recipients", "/admin/templates")) {
            assertThat(mvc.perform(get(path).with(ops)).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
    }
}
