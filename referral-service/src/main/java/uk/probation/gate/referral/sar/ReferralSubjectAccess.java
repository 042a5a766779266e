package uk.probation.gate.referral.sar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.platform.sar.SubjectAccessContent;
import uk.probation.gate.referral.domain.NeedOnRelease;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.Person;
import uk.probation.gate.referral.lifecycle.Referral;
import uk.probation.gate.referral.lifecycle.Referrals;
import uk.probation.gate.referral.release.ReleaseOutcome;
import uk.probation.gate.referral.release.ReleaseOutcomes;

/**
 * What referral-service keeps about one person, by prison number or CRN (it holds both): their referrals with every
 * step, decline, escalation, outcome and end-of-service report ({@code referrals}), the copy of them from their
 * latest reception ({@code people}) and, per resettlement case, what was needed, referred, secured and had on release
 * ({@code release-outcomes}). Codes are given in words next to the code; the outbox, processed event ids and versions
 * are left out. {@code fromDate}/{@code toDate} filter by each record's own day: a referral's creation, a person's
 * last reception, a release record's release (or expected release) day.
 */
@Component
class ReferralSubjectAccess implements SubjectAccessContent {

    private final Referrals referrals;
    private final People people;
    private final ReleaseOutcomes outcomes;

    ReferralSubjectAccess(Referrals referrals, People people, ReleaseOutcomes outcomes) {
        this.referrals = referrals;
        this.people = people;
        this.outcomes = outcomes;
    }



    @Override
    public Map<String, Object> content(String prn, String crn, LocalDate fromDate, LocalDate toDate) {
        Map<String, Object> content = new LinkedHashMap<>();
        List<Map<String, Object>> referralRecords = referrals.about(prn, crn).stream()
                .filter(r -> within(day(r.getCreatedAt()), fromDate, toDate)).map(ReferralSubjectAccess::referral)
                .toList();
        if (!referralRecords.isEmpty()) {
            content.put("referrals", referralRecords);
        }
        List<Map<String, Object>> personRecords = people.about(prn, crn).stream()
                .filter(p -> within(p.getLastReceivedOn(), fromDate, toDate)).map(ReferralSubjectAccess::person)
                .toList();
        if (!personRecords.isEmpty()) {
            content.put("people", personRecords);
        }
        List<Map<String, Object>> releaseRecords = outcomes.about(prn, crn).stream()
                .filter(o -> within(o.getRelease() != null ? o.getRelease().releasedOn() : o.getExpectedReleaseDate(),
                        fromDate, toDate)).map(ReferralSubjectAccess::release).toList();
        if (!releaseRecords.isEmpty()) {
            content.put("release-outcomes", releaseRecords);
        }
        return content;
    }

    private static Map<String, Object> referral(Referral r) {
        Fields m = new Fields();
        m.put("referralId", r.getId());
        m.put("prisonNumber", r.getPrisonNumber());
        m.put("crn", r.getCrn());
        m.coded("need", r.getNeed());
        m.coded("status", r.getStatus());
        m.coded("source", r.getSource());
        m.put("caseId", r.getCaseId());
        m.put("providerCode", r.getProviderCode());
        m.put("provider", provider(r.getProviderCode()));
        m.put("prisonCode", r.getPrisonCode());
        m.put("prison", prison(r.getPrisonCode()));
        m.put("areaCode", r.getAreaCode());
        m.put("area", area(r.getAreaCode()));
        m.coded("sex", r.getSex());
        m.coded("riskOfSeriousHarm", r.getRiskOfSeriousHarm());
        m.put("responsibleOfficerCode", r.getResponsibleOfficerCode());
        m.put("createdAt", r.getCreatedAt());
        m.put("sentAt", r.getSentAt());
        m.put("respondBy", r.getRespondBy());
        m.put("acceptedAt", r.getAcceptedAt());
        m.put("startBy", r.getStartBy());
        m.put("startedAt", r.getStartedAt());
        m.put("outcomeBy", r.getOutcomeBy());
        m.coded("outcome", r.getOutcome());
        m.put("closedReason", r.getClosedReason());
        m.put("closedReasonInWords", words(r.getClosedReason()));
        m.put("previousCaseId", r.getPreviousCaseId());
        if (!r.getDesiredOutcomes().isEmpty()) {
            m.put("desiredOutcomes", r.getDesiredOutcomes().stream().map(code -> Map.of("code", code,
                    "inWords", words(code))).toList());
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (Referral.HistoryEntry h : r.getHistory()) {
            Fields step = new Fields();
            step.coded("status", h.status());
            step.put("at", h.at());
            step.put("by", h.by());
            step.put("providerCode", h.providerCode());
            step.put("provider", provider(h.providerCode()));
            step.put("reason", h.reason());
            step.coded("outcome", h.outcome());
            history.add(step);
        }
        m.put("history", history);
        if (!r.getDeclines().isEmpty()) {
            m.put("declines", r.getDeclines().stream().map(d -> {
                Fields decline = new Fields();
                decline.put("providerCode", d.providerCode());
                decline.put("provider", provider(d.providerCode()));
                decline.put("reason", d.reason());
                decline.put("reasonInWords", words(d.reason()));
                decline.put("at", d.at());
                return (Map<String, Object>) decline;
            }).toList());
        }
        if (!r.getEscalations().isEmpty()) {
            m.put("escalations", r.getEscalations().stream().map(e -> {
                Fields escalation = new Fields();
                escalation.coded("stage", e.stage());
                escalation.put("dueBy", e.dueBy());
                escalation.put("at", e.at());
                escalation.put("providerCode", e.providerCode());
                escalation.put("provider", provider(e.providerCode()));
                return (Map<String, Object>) escalation;
            }).toList());
        }
        Referral.EndOfServiceReport report = r.getEndOfServiceReport();
        if (report != null) {
            Fields eosr = new Fields();
            eosr.put("achievements", report.achievements().stream().map(a -> {
                Fields achievement = new Fields();
                achievement.put("desiredOutcome", a.desiredOutcome());
                achievement.put("desiredOutcomeInWords", words(a.desiredOutcome()));
                achievement.coded("achieved", a.achieved());
                achievement.put("note", a.note());
                return (Map<String, Object>) achievement;
            }).toList());
            eosr.put("summary", report.summary());
            eosr.put("recordedBy", report.recordedBy());
            eosr.put("recordedAt", report.recordedAt());
            m.put("endOfServiceReport", eosr);
        }
        return m;
    }

    private static Map<String, Object> person(Person p) {
        Fields m = new Fields();
        m.put("prisonNumber", p.getPrisonNumber());
        m.put("crn", p.getCrn());
        m.put("caseId", p.getCaseId());
        m.put("prisonCode", p.getPrisonCode());
        m.put("prison", prison(p.getPrisonCode()));
        m.coded("sex", p.getSex());
        m.coded("riskOfSeriousHarm", p.getRiskOfSeriousHarm());
        m.put("responsibleOfficerCode", p.getResponsibleOfficerCode());
        m.put("lastReceivedOn", p.getLastReceivedOn());
        m.put("expectedReleaseDate", p.getExpectedReleaseDate());
        m.put("recall", p.isRecall());
        m.put("receptions", p.getReceptions());
        return m;
    }

    private static Map<String, Object> release(ReleaseOutcome o) {
        Fields m = new Fields();
        m.put("caseId", o.getId());
        m.put("prisonNumber", o.getPrisonNumber());
        m.put("crn", o.getCrn());
        m.put("prisonCode", o.getPrisonCode());
        m.put("prison", prison(o.getPrisonCode()));
        m.coded("sex", o.getSex());
        m.put("expectedReleaseDate", o.getExpectedReleaseDate());
        m.put("supersededByCaseId", o.getSupersededBy());
        m.put("accommodation", need(o.getAccommodation()));
        m.put("educationTrainingAndEmployment", need(o.getEte()));
        ReleaseOutcome.Release release = o.getRelease();
        if (release != null) {
            Fields r = new Fields();
            r.put("releasedOn", release.releasedOn());
            r.put("accommodationOnRelease", release.accommodationOnRelease());
            r.put("accommodationOnReleaseInWords", words(release.accommodationOnRelease()));
            r.put("educationTrainingOrEmploymentOnRelease", release.eteOnRelease());
            r.put("educationTrainingOrEmploymentOnReleaseInWords", words(release.eteOnRelease()));
            r.put("metAtGate", release.metAtGate());
            m.put("release", r);
        }
        return m;
    }

    private static Map<String, Object> need(NeedOnRelease n) {
        Fields m = new Fields();
        m.put("neededByPlan", n.needed());
        m.put("referred", n.referred());
        m.put("acceptedByProvider", n.accepted());
        m.coded("outcome", n.outcome());
        m.put("outcomeProviderCode", n.outcomeProvider());
        m.put("outcomeProvider", provider(n.outcomeProvider()));
        m.put("secured", n.secured());
        return m;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return SubjectAccessContent.within(day, from, to);
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String provider(String code) {
        return code == null ? null : ReferenceData.PROVIDERS.stream().filter(p -> p.code().equals(code))
                .map(ReferenceData.Provider::name).findFirst().orElse(null);
    }

    private static String prison(String code) {
        return code == null ? null : ReferenceData.PRISONS.stream().filter(p -> p.code().equals(code))
                .map(ReferenceData.Prison::name).findFirst().orElse(null);
    }

    private static String area(String code) {
        return code == null ? null : ReferenceData.AREAS.stream().filter(a -> a.code().equals(code))
                .map(ReferenceData.Area::name).findFirst().orElse(null);
    }

    /** An UPPER_SNAKE code in words: ACCOMMODATION_ON_RELEASE is "Accommodation on release". */
    static String words(String code) {
        if (code == null || code.isBlank() || !code.matches("[A-Z][A-Z0-9_]*")) {
            return null;
        }
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A plain record: insertion order, nothing null; a code goes with its words ({@code <name>InWords}). */
    private static final class Fields extends LinkedHashMap<String, Object> {

        @Override
        public Object put(String key, Object value) {
            return value == null ? null : super.put(key, value);
        }

        void coded(String key, Enum<?> value) {
            if (value != null) {
                super.put(key, value.name());
                super.put(key + "InWords", words(value.name()));
            }
        }
    }
}
