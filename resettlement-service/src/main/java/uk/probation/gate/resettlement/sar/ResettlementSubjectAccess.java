package uk.probation.gate.resettlement.sar;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.platform.sar.SubjectAccessContent;
import uk.probation.gate.resettlement.caseload.Actor;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.caseload.TimelineSummaries;
import uk.probation.gate.resettlement.domain.Answer;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Need;

/**
 * The subject access report: every case of the person (by prison number or CRN), with its plan (needs and notes, the
 * risk-of-harm summary), screening and pre-release review answers with their questions, release, transfer,
 * allocation and the whole history, codes in words. Erased cases (tombstones) hold nothing about the person and are
 * left out. The other collections hold nothing about a person: {@code screening_questions} (the questions), {@code
 * caseworkers} (staff names). {@code fromDate}/{@code toDate} keep the cases open at some time in that period
 * (received on or before {@code toDate}, not closed before {@code fromDate}).
 */
@Component
class ResettlementSubjectAccess implements SubjectAccessContent {

    static final String CASES = "cases";

    private final MongoTemplate mongo;

    ResettlementSubjectAccess(MongoTemplate mongo) {
        this.mongo = mongo;
    }



    @Override
    public Map<String, Object> content(String prn, String crn, LocalDate fromDate, LocalDate toDate) {
        List<Criteria> person = new ArrayList<>();
        if (prn != null) {
            person.add(where("prisonNumber").is(prn));
        }
        if (crn != null) {
            person.add(where("crn").is(crn));
        }
        if (person.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(new Criteria().andOperator(new Criteria().orOperator(person),
                where("status").ne(CaseStatus.ERASED))).with(Sort.by("receivedOn", "_id"));
        List<Map<String, Object>> cases = mongo.find(query, ResettlementCase.class).stream()
                .filter(c -> inPeriod(c, fromDate, toDate)).map(ResettlementSubjectAccess::report).toList();
        return cases.isEmpty() ? Map.of() : Map.of(CASES, cases);
    }

    private static boolean inPeriod(ResettlementCase c, LocalDate fromDate, LocalDate toDate) {
        return SubjectAccessContent.overlaps(c.getReceivedOn(), c.closedOn(), fromDate, toDate);
    }

    private static Map<String, Object> report(ResettlementCase c) {
        Map<String, Object> r = new LinkedHashMap<>();
        put(r, "caseId", c.getId());
        put(r, "prisonNumber", c.getPrisonNumber());
        put(r, "crn", c.getCrn());
        put(r, "prison", prison(c.getPrisonCode()));
        put(r, "status", words(c.getStatus()));
        put(r, "receivedOn", c.getReceivedOn());
        put(r, "recall", c.isRecall() ? "Yes" : "No");
        put(r, "expectedReleaseDate", c.getExpectedReleaseDate());
        put(r, "sex", words(c.getSex()));
        put(r, "riskOfSeriousHarm", words(c.getRiskOfSeriousHarm()));
        put(r, "responsibleOfficerCode", c.getResponsibleOfficerCode());
        put(r, "screeningDueBy", c.getScreeningDueBy());
        put(r, "preReleaseReviewDueBy", c.getPreReleaseReviewDueBy());
        put(r, "allocatedTo", c.getAllocatedToName() != null ? c.getAllocatedToName() : c.getAllocatedTo());
        put(r, "supersededByCaseId", c.getSupersededBy());
        put(r, "closedOn", c.closedOn());
        if (c.getScreening() != null) {
            ResettlementCase.Screening s = c.getScreening();
            Map<String, Object> screening = new LinkedHashMap<>();
            put(screening, "answeredOn", s.answeredOn());
            put(screening, "answeredBy", name(s.answeredBy()));
            put(screening, "questionsVersion", s.questionsVersion());
            put(screening, "answers", answers(s.answers()));
            r.put("immediateNeedsScreening", screening);
        }
        if (c.getPlan() != null) {
            ResettlementCase.Plan p = c.getPlan();
            Map<String, Object> plan = new LinkedHashMap<>();
            put(plan, "version", p.version());
            put(plan, "completedOn", p.completedOn());
            put(plan, "completedOnTime", p.completedOnTime() == null ? null : p.completedOnTime() ? "Yes" : "No");
            put(plan, "riskOfHarmSummary", p.riskOfHarmSummary());
            put(plan, "needs", p.needs().stream().map(ResettlementSubjectAccess::need).toList());
            put(plan, "updatedAt", p.updatedAt());
            put(plan, "updatedBy", name(p.updatedBy()));
            r.put("resettlementPlan", plan);
        }
        if (c.getPreReleaseReview() != null) {
            ResettlementCase.PreReleaseReview p = c.getPreReleaseReview();
            Map<String, Object> review = new LinkedHashMap<>();
            put(review, "completedOn", p.completedOn());
            put(review, "completedBy", name(p.completedBy()));
            put(review, "completedOnTime", p.completedOnTime() ? "Yes" : "No");
            put(review, "questionsVersion", p.questionsVersion());
            put(review, "answers", answers(p.answers()));
            r.put("preReleaseReview", review);
        }
        if (c.getRelease() != null) {
            ResettlementCase.Release rel = c.getRelease();
            Map<String, Object> release = new LinkedHashMap<>();
            put(release, "releasedOn", rel.releasedOn());
            put(release, "accommodationOnRelease", words(rel.accommodationOnRelease()));
            put(release, "educationTrainingOrEmploymentOnRelease", words(rel.eteOnRelease()));
            put(release, "metAtTheGate", rel.metAtGate() ? "Yes" : "No");
            put(release, "outcomeRecorded", rel.outcomeRecorded() ? "Yes" : "No");
            r.put("release", release);
        }
        if (c.getTransfer() != null) {
            Map<String, Object> transfer = new LinkedHashMap<>();
            put(transfer, "transferredOn", c.getTransfer().transferredOn());
            put(transfer, "toPrison", prison(c.getTransfer().toPrisonCode()));
            r.put("transfer", transfer);
        }
        r.put("history", c.getHistory().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            put(entry, "at", e.at());
            put(entry, "what", TimelineSummaries.summary(e));
            put(entry, "by", name(e.by()));
            return entry;
        }).toList());
        return r;
    }

    private static Map<String, Object> need(Need n) {
        Map<String, Object> need = new LinkedHashMap<>();
        put(need, "pathway", words(n.pathway()));
        put(need, "status", words(n.status()));
        put(need, "note", n.note());
        return need;
    }

    private static List<Map<String, Object>> answers(List<Answer> answers) {
        return answers == null ? List.of() : answers.stream().map(a -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            put(answer, "question", a.question());
            put(answer, "answer", a.answer());
            return answer;
        }).toList();
    }

    private static String name(Actor actor) {
        return actor == null ? null : actor.name() != null ? actor.name() : actor.id();
    }

    /** "HMP Nottingham (NMI)", or the code when it is not in the reference list. */
    private static String prison(String code) {
        return code == null ? null : ReferenceData.PRISONS.stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> p.name() + " (" + code + ")").orElse(code);
    }

    /** NO_FIXED_ABODE → "No fixed abode". */
    static String words(Enum<?> code) {
        if (code == null) {
            return null;
        }
        String text = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof LocalDate || value instanceof java.time.Instant ? value.toString() : value);
        }
    }
}
