package uk.probation.gate.communitypayback.order.web;

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
import uk.probation.gate.communitypayback.order.Caseload;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.platform.web.ApiErrors;

/**
 * The order API's request validation on its own (MockMvc, no Spring context, broker or store): a bad request is
 * answered 400 in application/problem+json naming each wrong field, and never reaches the orders.
 */
class OrderRequestValidationTest {

    private final Orders orders = mock(Orders.class);
    private final Caseload caseload = mock(Caseload.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OrderController(orders, caseload,
            Clock.systemUTC())).setControllerAdvice(new ApiErrors()).build();

    @Test
    void anOrderWithAWrongCrnTooFewHoursAndNoSexIsRefusedNamingEachField() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"crn":"123","sentenceDate":"2026-11-02","requiredHours":39,"areaCode":"N53NOT",
                         "riskOfSeriousHarm":"LOW"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("crn", "requiredHours", "sex")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("must be a CRN like X123456")));
        verifyNoInteractions(orders);
    }

    @Test
    void aSentenceDateThatIsNotADateIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("""
                        {"crn":"X123456","sentenceDate":"last tuesday","requiredHours":40,"areaCode":"N53NOT",
                         "sex":"MALE","riskOfSeriousHarm":"LOW"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("sentenceDate")));
        verifyNoInteractions(orders);
    }

    @Test
    void aPlacementWithoutAProjectIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/orders/order-1/placement").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectCode\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.contains("projectCode")));
        verifyNoInteractions(orders);
    }
}
