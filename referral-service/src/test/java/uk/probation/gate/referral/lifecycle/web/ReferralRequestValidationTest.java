package uk.probation.gate.referral.lifecycle.web;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import uk.probation.gate.platform.web.ApiErrors;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.lifecycle.Referrals;

/**
 * The referral API's request validation on its own (MockMvc, no Spring context, broker or store): a bad request is
 * answered 400 in application/problem+json naming each wrong field, and never reaches the referrals.
 */
class ReferralRequestValidationTest {

    private final Referrals referrals = mock(Referrals.class);
    private final People people = mock(People.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ReferralController(referrals, people,
            Clock.systemUTC())).setControllerAdvice(new ApiErrors()).build();

    @Test
    void aManualReferralWithAWrongPrisonNumberAndNoNeedIsRefusedNamingBoth() throws Exception {
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"personReference":{"prisonNumber":"1234"},"prisonCode":"NMI","sex":"MALE",
                         "riskOfSeriousHarm":"LOW"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field",
                        Matchers.containsInAnyOrder("need", "personReference.prisonNumber")));
        verifyNoInteractions(referrals, people);
    }

    @Test
    void aManualReferralNeitherInAPrisonNorInAnAreaIsRefusedNamingThePrisonCode() throws Exception {
        mvc.perform(post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"personReference":{"crn":"X123456"},"need":"ACCOMMODATION","sex":"MALE",
                         "riskOfSeriousHarm":"LOW"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("prisonCode")));
        verifyNoInteractions(referrals, people);
    }

    @Test
    void anOutcomeThatIsNotOneOfTheCodesIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/referrals/ref-1/outcome").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"MOSTLY_FINE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("outcome")));
        verifyNoInteractions(referrals, people);
    }

    @Test
    void aDeclineWithoutAReasonIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/referrals/ref-1/decline").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("reason")));
        verifyNoInteractions(referrals, people);
    }
}
