package uk.probation.gate.resettlement.plan.web;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import uk.probation.gate.platform.web.ApiErrors;
import uk.probation.gate.resettlement.plan.ResettlementPlans;

/**
 * The plan API's request validation on its own (MockMvc, no Spring context, broker or store): a bad draft is answered
 * 400 in application/problem+json naming the wrong field, down to the need in the list, and is never saved.
 */
class PlanRequestValidationTest {

    private final ResettlementPlans plans = mock(ResettlementPlans.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PlanController(plans))
            .setControllerAdvice(new ApiErrors()).build();

    @Test
    void aNeedWithoutItsStatusIsRefusedNamingThatNeed() throws Exception {
        mvc.perform(put("/api/cases/case-1/plan").contentType(MediaType.APPLICATION_JSON).content("""
                        {"needs":[{"pathway":"ACCOMMODATION","status":"SUPPORT_REQUIRED"},{"pathway":"HEALTH"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("needs[1].status")));
        verifyNoInteractions(plans);
    }

    @Test
    void aPathwayThatDoesNotExistIsRefusedNamingIt() throws Exception {
        mvc.perform(put("/api/cases/case-1/plan").contentType(MediaType.APPLICATION_JSON).content("""
                        {"needs":[{"pathway":"HOUSING","status":"SUPPORT_REQUIRED"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("needs[0].pathway")));
        verifyNoInteractions(plans);
    }

    @Test
    void aPlanWithoutItsNeedsOrWithMoreThanEightIsRefusedNamingThem() throws Exception {
        mvc.perform(put("/api/cases/case-1/plan").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("needs")));
        String nine = "{\"pathway\":\"HEALTH\",\"status\":\"DONE\"},".repeat(9);
        mvc.perform(put("/api/cases/case-1/plan").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"needs\":[" + nine.substring(0, nine.length() - 1) + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("needs")));
        verifyNoInteractions(plans);
    }
}
