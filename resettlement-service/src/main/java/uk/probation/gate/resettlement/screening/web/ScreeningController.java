package uk.probation.gate.resettlement.screening.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.web.CaseView;
import uk.probation.gate.resettlement.caseload.web.IfMatch;
import uk.probation.gate.resettlement.domain.Question;
import uk.probation.gate.resettlement.domain.ScreeningAnswers;
import uk.probation.gate.resettlement.domain.ScreeningStage;
import uk.probation.gate.resettlement.screening.QuestionSet;
import uk.probation.gate.resettlement.screening.ScreeningQuestions;
import uk.probation.gate.resettlement.screening.Screenings;

@RestController
class ScreeningController {

    record QuestionsView(ScreeningStage stage, int version, java.time.Instant publishedAt, List<Question> questions) {
        static QuestionsView of(QuestionSet set) {
            return new QuestionsView(set.stage(), set.version(), set.publishedAt(), set.questions());
        }
    }

    record PublishRequest(@NotNull @Size(max = 100) List<@NotNull Question> questions) {
    }

    record AnswerRequest(String questionId, String answer) {
    }

    record AnswersRequest(Integer questionsVersion, @NotNull @Size(max = 100) List<@NotNull AnswerRequest> answers) {
        List<ScreeningAnswers.Given> given() {
            return answers.stream().map(a -> new ScreeningAnswers.Given(a.questionId(), a.answer())).toList();
        }
    }

    private final ScreeningQuestions questions;
    private final Screenings screenings;

    ScreeningController(ScreeningQuestions questions, Screenings screenings) {
        this.questions = questions;
        this.screenings = screenings;
    }

    @GetMapping("/api/screening-questions/{stage}")
    QuestionsView current(@PathVariable ScreeningStage stage) {
        return QuestionsView.of(questions.current(stage));
    }

    @GetMapping("/api/screening-questions/{stage}/versions/{version}")
    QuestionsView version(@PathVariable ScreeningStage stage, @PathVariable int version) {
        return QuestionsView.of(questions.version(stage, version));
    }

    /** Publishes the next version; answers already given keep the questions of their version. */
    @PutMapping("/api/screening-questions/{stage}")
    ResponseEntity<QuestionsView> publish(@PathVariable ScreeningStage stage,
            @Valid @RequestBody PublishRequest request) {
        QuestionSet published = questions.publish(stage, request.questions());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/screening-questions/" + stage + "/versions/" + published.version()))
                .body(QuestionsView.of(published));
    }

    @PutMapping("/api/cases/{caseId}/screening")
    ResponseEntity<CaseView> screening(@PathVariable String caseId, @Valid @RequestBody AnswersRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(screenings.recordScreening(caseId, IfMatch.version(ifMatch), request.questionsVersion(),
                request.given()));
    }

    @PostMapping("/api/cases/{caseId}/pre-release-review")
    ResponseEntity<CaseView> review(@PathVariable String caseId, @Valid @RequestBody AnswersRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(screenings.completeReview(caseId, IfMatch.version(ifMatch), request.questionsVersion(),
                request.given()));
    }

    private static ResponseEntity<CaseView> view(ResettlementCase c) {
        return ResponseEntity.ok().eTag(CaseView.etag(c)).body(CaseView.of(c));
    }
}
