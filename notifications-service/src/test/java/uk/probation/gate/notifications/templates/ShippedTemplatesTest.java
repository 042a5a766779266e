package uk.probation.gate.notifications.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.MustacheException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.reference.ReferenceData;

/**
 * Every shipped template, in every language, rendered with every code the producers send for each field it shows:
 * what an officer, a provider or a person reads has plain words, names instead of prison, area and provider codes,
 * and never an UPPER_SNAKE code.
 */
class ShippedTemplatesTest {

    private static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Set<String> LANGUAGES = Set.of("en", "cy", "pl");

    private final JsonMapper json = JsonMapper.builder().build();
    private final TemplateContext context = new TemplateContext(json);
    private final Words words = context.words();
    private final Map<String, List<String>> codes = codesByVocabulary();

    /** Sample events of each type: the i-th takes the i-th code of each list (round and round). */
    private final Map<String, IntFunction<Map<String, Object>>> samples = Map.ofEntries(
            Map.entry("resettlement.prisoner.received", i -> map("caseId", "case-" + i, "prisonNumber", "A1234BC",
                    "crn", i % 2 == 0 ? "X123456" : null, "prisonCode", prison(i), "receivedOn", "2026-11-20",
                    "expectedReleaseDate", i % 3 == 0 ? null : "2027-03-01", "sex", code("sex", i),
                    "riskOfSeriousHarm", i % 5 == 4 ? null : code("risk", i), "responsibleOfficerCode", "N01RO1",
                    "screeningDueBy", "2026-11-27", "recall", i % 2 == 0)),
            Map.entry("resettlement.plan.completed", i -> map("caseId", "case-" + i, "prisonNumber", "A1234BC",
                    "crn", "X123456", "prisonCode", prison(i), "sex", code("sex", i),
                    "riskOfSeriousHarm", code("risk", i), "responsibleOfficerCode", "N01RO1", "planVersion", 2,
                    "completedOn", "2026-11-24", "completedOnTime", i % 2 == 0,
                    "needs", List.of(map("pathway", code("pathway", i), "status", code("needStatus", i)),
                            map("pathway", code("pathway", i + 3), "status", code("needStatus", i + 2))))),
            Map.entry("resettlement.prisoner.released", i -> map("caseId", "case-" + i, "prisonNumber", "A1234BC",
                    "crn", "X123456", "prisonCode", prison(i), "sex", code("sex", i),
                    "responsibleOfficerCode", "N01RO1", "releasedOn", "2026-11-25",
                    "accommodationOnRelease", code("accommodation", i), "eteOnRelease", code("ete", i),
                    "metAtGate", i % 2 == 0, "outcomeRecorded", true, "reason", code("releaseReason", i))),
            Map.entry("resettlement.prisoner.transferred", i -> map("caseId", "case-" + i, "prisonNumber",
                    "A1234BC", "crn", "X123456", "fromPrisonCode", prison(i), "toPrisonCode", "BMI",
                    "transferredOn", "2026-11-26", "responsibleOfficerCode", "N01RO1")),
            Map.entry("resettlement.case.updated", i -> map("caseId", "case-" + i, "prisonNumber", "A1234BC",
                    "crn", "X123456", "prisonCode", prison(i), "sex", code("sex", i), "receivedOn", "2026-11-20",
                    "expectedReleaseDate", "2027-03-01", "riskOfSeriousHarm", code("risk", i),
                    "responsibleOfficerCode", "N01RO1", "recall", i % 2 == 0, "preReleaseReviewDueBy", "2027-01-04",
                    "changedFields", List.of(code("field", i), code("field", i + 1)))),
            Map.entry("resettlement.case.superseded", i -> map("caseId", "case-" + i, "prisonNumber", "A1234BC",
                    "crn", "X123456", "prisonCode", prison(i), "responsibleOfficerCode", "N01RO1",
                    "supersededByCaseId", "case-new", "closedOn", "2026-11-26")),
            Map.entry("resettlement.review.completed", i -> map("caseId", "case-" + i, "prisonNumber", "A1234BC",
                    "crn", "X123456", "prisonCode", prison(i), "sex", code("sex", i),
                    "responsibleOfficerCode", "N01RO1", "expectedReleaseDate", "2027-03-01", "dueBy", "2027-01-04",
                    "completedOn", "2027-01-02", "completedOnTime", i % 2 == 0, "questionsVersion", 1)),
            Map.entry("community-payback.order.received", i -> map("orderId", "order-" + i, "crn", "X123456",
                    "sentenceDate", "2026-11-02", "requiredMinutes", 7200 + 30 * i, "eteMinutesAllowed", 2160,
                    "completeBy", "2027-11-02", "areaCode", area(i), "sex", code("sex", i),
                    "riskOfSeriousHarm", code("risk", i), "responsibleOfficerCode", "N01RO1")),
            Map.entry("community-payback.order.completed", i -> map("orderId", "order-" + i, "crn", "X123456",
                    "areaCode", area(i), "sex", code("sex", i), "sentenceDate", "2026-01-02",
                    "completedOn", "2026-11-20", "requiredMinutes", 7200, "creditedMinutes", 7200,
                    "withinTwelveMonths", i % 2 == 0, "responsibleOfficerCode", "N01RO1")),
            Map.entry("community-payback.work.sent-home", i -> map("orderId", "order-" + i, "crn", "X123456",
                    "sessionId", "S-1", "projectCode", "PARKS-1", "areaCode", area(i), "sessionDate", "2026-11-28",
                    "reason", code("sentHomeReason", i), "responsibleOfficerCode", "N01RO1")),
            Map.entry("community-payback.session.attended", i -> map("orderId", "order-" + i, "crn", "X123456",
                    "sessionId", "S-2", "projectCode", "PARKS-1", "areaCode", area(i), "sessionDate", "2026-11-28",
                    "outcome", code("attendance", i), "minutesCredited", 120, "creditedMinutes", 600,
                    "remainingMinutes", 2430, "responsibleOfficerCode", "N01RO1")),
            Map.entry("community-payback.placement.assigned", i -> map("orderId", "order-" + i, "crn", "X123456",
                    "areaCode", area(i), "projectCode", "GARDENS-2", "projectType", code("projectType", i),
                    "ete", false, "assignedOn", "2026-11-26", "responsibleOfficerCode", "N01RO1")),
            Map.entry("referral.referral.sent", i -> referral(i, "respondBy", "2026-12-03", "source", "PLAN")),
            Map.entry("referral.referral.declined", i -> referral(i, "reason", code("declineReason", i),
                    "unroutable", i % 2 == 0)),
            Map.entry("referral.referral.closed", i -> referral(i, "reason", code("closedReason", i),
                    "outcome", i % 3 == 0 ? null : code("referralOutcome", i), "endOfServiceReport", i % 2 == 0)),
            Map.entry("referral.outcome.recorded", i -> referral(i, "outcome", code("referralOutcome", i))),
            Map.entry("referral.referral.escalated", i -> referral(i, "stage", code("stage", i),
                    "dueBy", "2026-12-03")));

    @Test
    void noMessageShowsACodeWhereItHasWords() {
        List<String> problems = new ArrayList<>();
        int rendered = 0;
        for (TemplateLibrary.Shipped shipped : TemplateLibrary.shipped()) {
            String language = shipped.id().substring(shipped.id().lastIndexOf('.') + 1);
            String name = shipped.id().substring(0, shipped.id().lastIndexOf('.'));
            EventType type = TemplateLibrary.eventTypeOf(name).orElseThrow();
            IntFunction<Map<String, Object>> sample = samples.get(type.type());
            assertThat(sample).as("a sample %s event for %s", type.type(), shipped.id()).isNotNull();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> event = sample.apply(i);
                TemplateLibrary.Message message = TemplateLibrary.render(shipped.text().subject(),
                        shipped.text().body(), context.of("event-" + i, type.type(), json.valueToTree(event),
                                "N01RO1", language));
                String text = message.subject() + "\n" + message.body();
                rendered++;
                Matcher snake = UPPER_SNAKE.matcher(text);
                while (snake.find()) {
                    problems.add(shipped.id() + " shows " + snake.group() + ": " + text);
                }
                for (String code : codesIn(event)) {
                    if (Pattern.compile("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])").matcher(text).find()) {
                        problems.add(shipped.id() + " shows the code " + code + ": " + text);
                    }
                }
                if (text.contains("{{") || text.contains("()")) {
                    problems.add(shipped.id() + " left something unfilled: " + text);
                }
            }
        }
        assertThat(rendered).isGreaterThan(60 * 12);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTemplateIsShippedInEnglishWelshAndPolishAndUsesOnlyWhatItsEventCarries() {
        Map<String, Set<String>> languages = new HashMap<>();
        for (TemplateLibrary.Shipped shipped : TemplateLibrary.shipped()) {
            String name = shipped.id().substring(0, shipped.id().lastIndexOf('.'));
            languages.computeIfAbsent(name, n -> new TreeSet<>())
                    .add(shipped.id().substring(shipped.id().lastIndexOf('.') + 1));
            EventType type = TemplateLibrary.eventTypeOf(name).orElseThrow();
            for (String part : List.of(shipped.text().subject(), shipped.text().body())) {
                try {
                    TemplateLibrary.STRICT.compile(part).execute(context.sampleFor(type));
                } catch (MustacheException e) {
                    throw new AssertionError(shipped.id() + ": " + e.getMessage(), e);
                }
            }
        }
        assertThat(languages).hasSize(21).allSatisfy((name, langs) -> assertThat(langs).as(name)
                .containsExactlyInAnyOrderElementsOf(LANGUAGES));
    }

    @Test
    void everyShippedVersionIsListedSoThatTheNextChangeReachesStoresSeededWithIt() {
        Set<String> listed = TemplateLibrary.shippedVersions();
        for (TemplateLibrary.Shipped shipped : TemplateLibrary.shipped()) {
            String version = TemplateLibrary.version(shipped.id(), shipped.text().subject(), shipped.text().body());
            assertThat(listed).as("add this line to notification-templates/shipped-versions.txt").contains(version);
        }
    }

    @Test
    void welshAndPolishHaveWordsForEveryCodeEnglishHas() {
        assertThat(words.keys("cy")).containsExactlyInAnyOrderElementsOf(words.keys("en"));
        assertThat(words.keys("pl")).containsExactlyInAnyOrderElementsOf(words.keys("en"));
    }

    @Test
    void aCodeNoListHasIsSpeltOutAndAMissingLanguageTakesEnglish() {
        assertThat(words.of("cy", "declineReason", "NO_VAN_AVAILABLE")).isEqualTo("no van available");
        assertThat(words.of("pa", "accommodation", "NO_FIXED_ABODE")).isEqualTo("no fixed address (homeless)");
        assertThat(words.of("cy", "accommodation", "NO_FIXED_ABODE")).isEqualTo("dim cyfeiriad sefydlog (digartref)");
        assertThat(words.of("pl", "accommodation", "NO_FIXED_ABODE"))
                .isEqualTo("brak stałego adresu (osoba bezdomna)");
        assertThat(words.of("en", "field", "preReleaseReviewDueBy")).isEqualTo("pre-release review date");
        assertThat(Words.spelt("someNewField")).isEqualTo("some new field");
    }

    @Test
    void aCaseUpdateTellsANewOfficerTheCaseIsNowTheirsAndNamesWhatChanged() {
        TemplateLibrary.Shipped welsh = TemplateLibrary.shipped().stream()
                .filter(t -> t.id().equals("resettlement.case.updated.cy")).findFirst().orElseThrow();
        Map<String, Object> event = samples.get("resettlement.case.updated").apply(1);
        event.put("changedFields", List.of("responsibleOfficerCode", "expectedReleaseDate"));
        event.put("recall", false);
        TemplateLibrary.Message newOfficer = TemplateLibrary.render(welsh.text().subject(), welsh.text().body(),
                context.of("e", "resettlement.case.updated", json.valueToTree(event), "N01RO1", "cy"));
        assertThat(newOfficer.subject()).isEqualTo(
                "Manylion yr achos wedi newid: A1234BC (chi yw'r swyddog cyfrifol nawr)");
        assertThat(newOfficer.body()).startsWith("Chi yw'r swyddog cyfrifol nawr ar gyfer A1234BC (CRN X123456)")
                .contains(": swyddog cyfrifol, dyddiad rhyddhau disgwyliedig.")
                .doesNotContain("galw'n ôl");

        event.put("changedFields", List.of("recall"));
        TemplateLibrary.Message noLongerRecall = TemplateLibrary.render(welsh.text().subject(), welsh.text().body(),
                context.of("e", "resettlement.case.updated", json.valueToTree(event), "N01RO1", "cy"));
        assertThat(noLongerRecall.subject()).isEqualTo("Manylion yr achos wedi newid: A1234BC");
        assertThat(noLongerRecall.body()).doesNotContain("Chi yw'r swyddog cyfrifol")
                .contains("Nid yw wedi'i gofnodi fel galw'n ôl i'r carchar mwyach.");
    }

    // --- helpers

    private Map<String, Object> referral(int i, Object... more) {
        Map<String, Object> referral = map("referralId", "ref-" + i,
                "personReference", map("prisonNumber", i % 4 == 3 ? null : "A1234BC", "crn", "X123456"),
                "need", code("pathway", i), "providerCode", ReferenceData.PROVIDERS.get(
                        i % ReferenceData.PROVIDERS.size()).code(), "caseId", "case-" + i, "prisonCode", prison(i),
                "areaCode", area(i), "sex", code("sex", i), "responsibleOfficerCode", "N01RO1");
        referral.putAll(map(more));
        return referral;
    }

    private String code(String vocabulary, int i) {
        List<String> list = codes.get(vocabulary);
        return list.get(i % list.size());
    }

    private static String prison(int i) {
        return ReferenceData.PRISONS.get(i % ReferenceData.PRISONS.size()).code();
    }

    private static String area(int i) {
        return ReferenceData.AREAS.get(i % ReferenceData.AREAS.size()).code();
    }

    /** The codes in an event that a message must not show: anything UPPER_SNAKE-ish and every reference code. */
    @SuppressWarnings("unchecked")
    private Set<String> codesIn(Map<String, Object> event) {
        Set<String> found = new TreeSet<>();
        event.forEach((field, value) -> {
            if (value instanceof Map<?, ?> nested) {
                found.addAll(codesIn((Map<String, Object>) nested));
            } else if (value instanceof List<?> list) {
                list.forEach(element -> {
                    if (element instanceof Map<?, ?> nested) {
                        found.addAll(codesIn((Map<String, Object>) nested));
                    } else if (field.equals("changedFields") && !String.valueOf(element).equals(
                            String.valueOf(element).toLowerCase(java.util.Locale.ROOT))) {
                        found.add(String.valueOf(element));
                    }
                });
            } else if (value instanceof String text && (text.matches("[A-Z][A-Z_]*[A-Z]") || field.endsWith("Code"))
                    && !field.equals("responsibleOfficerCode") && !field.equals("projectCode")
                    && !field.equals("toPrisonCode")) {
                found.add(text);
            }
        });
        return found;
    }

    private Map<String, List<String>> codesByVocabulary() {
        return words.keys("en").stream().filter(k -> !k.startsWith("unknown."))
                .collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('.')), TreeMapSupplier.INSTANCE,
                        Collectors.mapping(k -> k.substring(k.indexOf('.') + 1),
                                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().toList()))));
    }

    private enum TreeMapSupplier implements java.util.function.Supplier<Map<String, List<String>>> {
        INSTANCE;

        @Override
        public Map<String, List<String>> get() {
            return new java.util.TreeMap<>();
        }
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
