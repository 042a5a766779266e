package uk.probation.gate.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.ResettlementApi;

/** The admin's screening questions: current and past versions read-only, a new version published from edits. */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionsPagesTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ResettlementApi resettlement;

    static final ResettlementApi.Question TONIGHT = new ResettlementApi.Question("accommodation-tonight",
            "ACCOMMODATION", "Do they have somewhere to stay tonight?", "YES_NO", List.of(), true);
    static final ResettlementApi.Question ID = new ResettlementApi.Question("id-documents", "FINANCE_AND_ID",
            "Which ID do they hold?", "CHOICE", List.of("PASSPORT", "DRIVING_LICENCE", "NONE"), true);

    @Test
    void theCurrentVersionOfEachStageWithPastVersionsReadOnly() throws Exception {
        when(resettlement.questions("IMMEDIATE_NEEDS")).thenReturn(new ResettlementApi.Questions("IMMEDIATE_NEEDS",
                2, Instant.parse("2026-11-20T10:00:00Z"), List.of(TONIGHT, ID)));
        when(resettlement.questions("PRE_RELEASE")).thenReturn(new ResettlementApi.Questions("PRE_RELEASE", 1, null,
                List.of()));
        when(resettlement.questions("IMMEDIATE_NEEDS", 1)).thenReturn(new ResettlementApi.Questions(
                "IMMEDIATE_NEEDS", 1, null, List.of(new ResettlementApi.Question("accommodation-tonight",
                        "ACCOMMODATION", "Somewhere to sleep tonight?", "YES_NO", List.of(), true))));
        String page = mvc.perform(get("/admin/screening-questions").with(AdminPagesTest.admin())).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Screening questions").contains("Version 2").contains("20 Nov 2026, 10:00")
                .contains("Do they have somewhere to stay tonight?").contains("A choice: Passport, Driving licence, None")
                .contains("href=\"/admin/screening-questions/immediate-needs/versions/1\"")
                .contains("href=\"/admin/screening-questions/immediate-needs/new-version\"")
                .contains("href=\"/admin/screening-questions\"");
        String past = mvc.perform(get("/admin/screening-questions/immediate-needs/versions/1")
                .with(AdminPagesTest.admin())).andReturn().getResponse().getContentAsString();
        assertThat(past).contains("Somewhere to sleep tonight?").contains("A past version, read-only")
                .doesNotContain("new-version");
    }

    @Test
    void publishingANewVersionChangesTextRemovesAQuestionAndAddsOne() throws Exception {
        when(resettlement.questions("IMMEDIATE_NEEDS")).thenReturn(new ResettlementApi.Questions("IMMEDIATE_NEEDS",
                2, null, List.of(TONIGHT, ID)));
        String form = mvc.perform(get("/admin/screening-questions/immediate-needs/new-version")
                .with(AdminPagesTest.admin())).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"Do they have somewhere to stay tonight?\"").contains("Remove question 2")
                .contains("The new version is\n      3");

        String refused = mvc.perform(post("/admin/screening-questions/immediate-needs/new-version")
                .with(AdminPagesTest.admin()).with(csrf()).param("text-0", "").param("new-id", "gp")
                .param("new-text", "Do they have a GP?").param("new-pathway", "HEALTH")
                .param("new-answerType", "CHOICE").param("formToken", "q1")).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("Enter the text of question 1").contains("Enter the choices, one on each line");
        verify(resettlement, never()).publishQuestions(any(), any());

        when(resettlement.publishQuestions(eq("IMMEDIATE_NEEDS"), any())).thenReturn(new ResettlementApi.Questions(
                "IMMEDIATE_NEEDS", 3, null, List.of()));
        MvcResult published = mvc.perform(post("/admin/screening-questions/immediate-needs/new-version")
                .with(AdminPagesTest.admin()).with(csrf()).param("text-0", "Somewhere safe to stay tonight?")
                .param("text-1", "Which ID do they hold?").param("remove-1", "true").param("new-id", "gp")
                .param("new-text", "Are they registered with a GP?").param("new-pathway", "HEALTH")
                .param("new-answerType", "YES_NO").param("new-required", "false").param("formToken", "q2"))
                .andReturn();
        assertThat(published.getResponse().getRedirectedUrl()).isEqualTo("/admin/screening-questions");
        assertThat(published.getFlashMap().get("success"))
                .isEqualTo("Version 3 of the immediate needs screening questions published");
        verify(resettlement).publishQuestions("IMMEDIATE_NEEDS", List.of(
                new ResettlementApi.Question("accommodation-tonight", "ACCOMMODATION",
                        "Somewhere safe to stay tonight?", "YES_NO", List.of(), true),
                new ResettlementApi.Question("gp", "HEALTH", "Are they registered with a GP?", "YES_NO", List.of(),
                        false)));
    }

    @Test
    void theServicesRefusalIsShownAtTheField() throws Exception {
        when(resettlement.questions("PRE_RELEASE")).thenReturn(new ResettlementApi.Questions("PRE_RELEASE", 1, null,
                List.of(TONIGHT)));
        when(resettlement.publishQuestions(eq("PRE_RELEASE"), any())).thenThrow(new ApiProblem(422, "Invalid", null,
                List.of(new ApiProblem.FieldError("questions[1].id", "duplicates questions[0].id")), Map.of()));
        String page = mvc.perform(post("/admin/screening-questions/pre-release/new-version")
                .with(AdminPagesTest.admin()).with(csrf()).param("text-0", "Somewhere to stay?")
                .param("new-id", "accommodation-tonight").param("new-text", "Again?").param("new-pathway", "HEALTH")
                .param("new-answerType", "TEXT").param("formToken", "q3")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"new-id-error\"").contains("Id duplicates questions[0].id")
                .contains("href=\"#new-id\"");
    }

    @Test
    void onlyAnAdminReachesThem() throws Exception {
        var caseworker = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .oidcLogin().idToken(token -> token.subject("cw-nottingham").claim("roles",
                        List.of("RESETTLEMENT_CASEWORKER")))
                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        "ROLE_RESETTLEMENT_CASEWORKER"));
        assertThat(mvc.perform(get("/admin/screening-questions").with(caseworker)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
