package uk.probation.gate.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.DomainFailure;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.OutsideReach;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.platform.paging.Page;

/** The core's failures answer exactly as the ApiProblem of the same status did (ADR 0015). */
class DomainFailureAnswersTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void notFoundAnswersAsApiProblemNotFound() {
        assertSameAnswer(new NotFound("Case 42"), ApiProblem.notFound("Case 42"));
        assertThat(answer(new NotFound("Case 42")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void conflictAnswersAsApiProblemConflictWithOrWithoutFields() {
        assertSameAnswer(new Conflict("The case is RELEASED"), ApiProblem.conflict("The case is RELEASED"));
        assertSameAnswer(new Conflict("The referral is CLOSED", List.of(new Violation("status", "is CLOSED"))),
                new ApiProblem(HttpStatus.CONFLICT, "Conflict", "The referral is CLOSED",
                        List.of(new ApiProblem.FieldError("status", "is CLOSED"))));
    }

    @Test
    void ruleViolatedAnswersAsApiProblemUnprocessableNamingEveryFieldInOrder() {
        List<Violation> violations = List.of(new Violation("prisonCode", "is not a resettlement prison"),
                new Violation("expectedReleaseDate", "must be after the day the person was received"));
        assertSameAnswer(new RuleViolated("The reception cannot be recorded", violations),
                ApiProblem.unprocessable("The reception cannot be recorded",
                        List.of(new ApiProblem.FieldError("prisonCode", "is not a resettlement prison"),
                                new ApiProblem.FieldError("expectedReleaseDate",
                                        "must be after the day the person was received"))));
        assertThat(answer(new RuleViolated("x", "f", "m")).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void outsideReachAnswersAsTheForbiddenApiProblem() {
        assertSameAnswer(new OutsideReach("You do not work in area N07", "areaCode", "is not one of your areas"),
                new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "You do not work in area N07",
                        List.of(new ApiProblem.FieldError("areaCode", "is not one of your areas"))));
    }

    @Test
    void aPageAnswersAsThePageResponseOfTheSameItems() {
        Page<Integer> page = new Page<>(List.of(1, 2), 3, 2, 9);
        assertThat(PageResponse.of(page)).isEqualTo(new PageResponse<>(List.of(1, 2), 3, 2, 9));
        assertThat(PageResponse.of(page, String::valueOf)).isEqualTo(new PageResponse<>(List.of("1", "2"), 3, 2, 9));
        assertThat(PageResponse.of(Page.<String>empty(0, 20))).isEqualTo(new PageResponse<>(List.of(), 0, 20, 0));
    }

    private void assertSameAnswer(DomainFailure failure, ApiProblem asToday) {
        ResponseEntity<Object> answer = answer(failure);
        ResponseEntity<Object> today = errors.apiProblem(asToday, new MockHttpServletRequest("GET", "/api/x"));
        assertThat(answer.getStatusCode()).isEqualTo(today.getStatusCode());
        assertThat(answer.getHeaders()).isEqualTo(today.getHeaders());
        assertThat(answer.getBody()).isEqualTo(today.getBody());
    }

    private ResponseEntity<Object> answer(DomainFailure failure) {
        return errors.domainFailure(failure, new MockHttpServletRequest("GET", "/api/x"));
    }
}
