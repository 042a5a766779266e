package uk.probation.gate.resettlement.screening;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.resettlement.domain.Question;
import uk.probation.gate.resettlement.domain.ScreeningStage;

/** One published version of a stage's questions; never changed once published (id {@code STAGE:version}). */
@Document("screening_questions")
public record QuestionSet(@Id String id, @Indexed(name = "stage") ScreeningStage stage, int version, Instant publishedAt,
        List<Question> questions) {

    static String id(ScreeningStage stage, int version) {
        return stage + ":" + version;
    }
}
