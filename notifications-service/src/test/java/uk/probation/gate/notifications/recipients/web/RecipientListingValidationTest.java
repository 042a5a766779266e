package uk.probation.gate.notifications.recipients.web;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import uk.probation.gate.notifications.recipients.RecipientDirectory;
import uk.probation.gate.platform.web.ApiErrors;

/**
 * The directory listing's parameters checked on their own (MockMvc, no Spring context, broker or store): a page out
 * of range, a page too large or a kind that does not exist is answered 400 in application/problem+json naming the
 * parameter, and the directory is never read.
 */
class RecipientListingValidationTest {

    private final RecipientDirectory directory = mock(RecipientDirectory.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RecipientController(directory))
            .setControllerAdvice(new ApiErrors()).build();

    @Test
    void aNegativePageIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/recipients").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("page")));
        verifyNoInteractions(directory);
    }

    @Test
    void aPageLargerThanTheServiceAnswersIsRefusedNamingTheSize() throws Exception {
        mvc.perform(get("/api/recipients").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("size")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("between 1 and 200")));
        verifyNoInteractions(directory);
    }

    @Test
    void aKindThatDoesNotExistIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/recipients").param("kind", "NEIGHBOUR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("kind")));
        verifyNoInteractions(directory);
    }
}
