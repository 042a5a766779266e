package uk.probation.gate.notifications.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.probation.gate.notifications.support.InboundEvents.headers;
import static uk.probation.gate.notifications.support.InboundEvents.newId;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.notifications.templates.MessageTemplate;
import uk.probation.gate.notifications.templates.TemplateLibrary;
import uk.probation.gate.platform.test.Http;

/**
 * The codes the producers use (event-contracts' {@link ReferenceData}) reach their recipients by name, through the
 * same broker, store and SMTP server as the other delivery scenarios: every provider has a directory entry and is
 * told of a referral by its name, every area and prison is named in the officer's message.
 */
abstract class OfficerScenarios extends NotificationScenarioSupport {

    static final String SEEDED_OFFICER = "N01RO1";
    static final String TRANSFERRED = "resettlement.prisoner.transferred";
    static final String CASE_UPDATED = "resettlement.case.updated";
    static final String CASE_SUPERSEDED = "resettlement.case.superseded";
    static final String REVIEW_COMPLETED = "resettlement.review.completed";
    static final String ORDER_RECEIVED = "community-payback.order.received";
    static final String ORDER_COMPLETED = "community-payback.order.completed";
    static final String DECLINED = "referral.referral.declined";
    static final String CLOSED = "referral.referral.closed";
    static final String OUTCOME = "referral.outcome.recorded";
    static final String ESCALATED = "referral.referral.escalated";
    static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    // --- reference data: one list of codes with the producers, every provider reachable

    @Test
    void everyProviderTheProducersKnowIsSeededAndToldOfAReferralByItsName() {
        Map<String, String> sent = new LinkedHashMap<>();
        for (ReferenceData.Provider provider : ReferenceData.PROVIDERS) {
            Http.Response entry = http.get("/api/recipients/" + provider.code(), admin);
            assertThat(entry.status()).as(provider.code()).isEqualTo(200);
            assertThat(entry.field("kind")).as(provider.code())
                    .isEqualTo(provider.code().equals("SOVA") ? "VOLUNTEER_SERVICE" : "PROVIDER");
            assertThat(entry.field("email")).as(provider.code()).endsWith(".example.org");
            String prisonNumber = InboundEvents.prisonNumber();
            String eventId = newId();
            topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.referralSent(prisonNumber, provider.code()),
                    headers(REFERRAL_SENT, eventId, prisonNumber));
            sent.put(eventId + ":" + provider.code(), prisonNumber);
        }

        for (ReferenceData.Provider provider : ReferenceData.PROVIDERS) {
            String id = sent.keySet().stream().filter(k -> k.endsWith(":" + provider.code())).findFirst()
                    .orElseThrow();
            Notification entry = awaitSent(id);
            assertThat(entry.attempts()).as(provider.code()).isEqualTo(1);
            String address = http.get("/api/recipients/" + provider.code(), admin).field("email");
            SmtpSink.Mail mail = awaitMailAbout(address, sent.get(id));
            assertThat(mail.body()).as(provider.code()).contains("has been sent to " + provider.name() + ".");
        }
    }

    @Test
    void everyAreaTheProducersKnowIsNamedInTheSeededOfficersWelshMessage() {
        assertThat(http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("language")).isEqualTo("cy");
        assertThat(http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("kind"))
                .isEqualTo("RESPONSIBLE_OFFICER");
        assertThat(http.get("/api/recipients/N01RO01", admin).status()).isEqualTo(404);
        Map<String, ReferenceData.Area> sent = new LinkedHashMap<>();
        for (ReferenceData.Area area : ReferenceData.AREAS) {
            String crn = InboundEvents.crn();
            String eventId = newId();
            topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.sentHome(crn, SEEDED_OFFICER, "WEATHER",
                    area.code()), headers(SENT_HOME, eventId, crn));
            sent.put(eventId, area);
        }

        String address = http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("email");
        sent.forEach((eventId, area) -> {
            Notification entry = awaitSent(eventId + ":" + SEEDED_OFFICER);
            assertThat(entry.language()).isEqualTo("cy");
            SmtpSink.Mail mail = awaitMailAbout(address, entry.subject());
            assertThat(mail.body()).as(area.code()).contains("(" + area.name() + ")").doesNotContain(area.code());
        });
    }

    @Test
    void everyPrisonTheProducersKnowIsNamedInTheSeededOfficersMessage() {
        Map<String, ReferenceData.Prison> sent = new LinkedHashMap<>();
        for (ReferenceData.Prison prison : ReferenceData.PRISONS) {
            String prisonNumber = InboundEvents.prisonNumber();
            String eventId = newId();
            topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, SEEDED_OFFICER,
                    prison.code()), headers(RECEIVED, eventId, prisonNumber));
            sent.put(eventId, prison);
        }

        String address = http.get("/api/recipients/" + SEEDED_OFFICER, admin).field("email");
        sent.forEach((eventId, prison) -> {
            Notification entry = awaitSent(eventId + ":" + SEEDED_OFFICER);
            SmtpSink.Mail mail = awaitMailAbout(address, entry.subject());
            assertThat(mail.subject()).isEqualTo("Derbyn: " + entry.subject() + " yn " + prison.name());
        });
    }

    @Test
    void aReferralToACodeTheDirectoryDoesNotHaveStillFailsVisibly() {
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.referralSent(prisonNumber, "CGL"),
                headers(REFERRAL_SENT, eventId, prisonNumber));

        String id = eventId + ":CGL";
        Notification waiting = awaitNotification(id, n -> n.attempts() == 1);
        assertThat(waiting.status().name()).isEqualTo("PENDING");
        assertThat(waiting.failureReason()).contains("not in the recipient directory");
        clock.advance(Duration.ofMinutes(1));
        awaitNotification(id, n -> n.attempts() == 2);
        clock.advance(Duration.ofMinutes(2));
        Notification failed = awaitNotification(id, n -> n.attempts() == 3);
        assertThat(failed.status().name()).isEqualTo("FAILED");
        assertThat(failed.failureReason()).contains("not in the recipient directory");
    }

    @Test
    void aMessageWaitingForAnUnknownRecipientIsSentOnceTheRecipientIsRegistered() {
        String officer = InboundEvents.officerCode();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                headers(RECEIVED, eventId, prisonNumber));

        String id = eventId + ":" + officer;
        Notification waiting = awaitNotification(id, n -> n.attempts() == 1);
        assertThat(waiting.status().name()).isEqualTo("PENDING");
        assertThat(waiting.failureReason()).contains("not in the recipient directory");
        // the clock stands still: without the registration its next attempt would not be due for a minute
        recipient(officer, "RESPONSIBLE_OFFICER", "en", null);

        SmtpSink.Mail mail = awaitMail(officer);
        assertThat(mail.subject()).contains(prisonNumber);
        Notification sent = awaitSent(id);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(smtp.to(email(officer))).hasSize(1);
    }

    @Test
    void aRetryDueLongAgoIsStillMadeWhenTheClockHasMovedFarOn() {
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.referralSent(prisonNumber, "CGL"),
                headers(REFERRAL_SENT, eventId, prisonNumber));

        String id = eventId + ":CGL";
        awaitNotification(id, n -> n.attempts() == 1);
        // far past the poll's window of recent minutes: the entry is found again by the sweep
        clock.advance(Duration.ofHours(3));
        Notification second = awaitNotification(id, n -> n.attempts() == 2);
        assertThat(second.status().name()).isEqualTo("PENDING");
    }

    // --- officers told of every significant event, in their language (here Welsh), in plain words

    @Test
    void aTransferOutIsToldNamingBothPrisons() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.transferred(prisonNumber, officer, "BMI"),
                headers(TRANSFERRED, eventId, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Wedi'i drosglwyddo: " + prisonNumber + " o HMP Ranby i HMP Birmingham");
        assertThat(mail.body()).contains("ar 2026-11-26").contains("mae'r achos adsefydlu wedi cau");
    }

    @Test
    void aNewlyAssignedOfficerIsToldTheCaseIsNowTheirs() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.caseUpdated(prisonNumber, officer, false,
                "crn", "responsibleOfficerCode"), headers(CASE_UPDATED, eventId, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Manylion yr achos wedi newid: " + prisonNumber
                + " (chi yw'r swyddog cyfrifol nawr)");
        assertThat(mail.body()).startsWith("Chi yw'r swyddog cyfrifol nawr ar gyfer " + prisonNumber
                        + " (CRN X654321) yn HMP Nottingham.")
                .contains("yn HMP Nottingham: CRN, swyddog cyfrifol.")
                .contains("Dyddiad rhyddhau disgwyliedig: 2027-06-30.")
                .contains("Risg o niwed difrifol: uchel iawn.");
    }

    @Test
    void aNewReleaseDateOrARecallIsToldButACorrectedCrnOrRiskIsNot() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String recalled = newId();
        String corrected = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.caseUpdated(prisonNumber, officer, false,
                "crn", "riskOfSeriousHarm"), headers(CASE_UPDATED, corrected, prisonNumber));
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.caseUpdated(prisonNumber, officer, true,
                "expectedReleaseDate", "recall"), headers(CASE_UPDATED, recalled, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, recalled);
        assertThat(mail.subject()).isEqualTo("Manylion yr achos wedi newid: " + prisonNumber);
        assertThat(mail.body()).startsWith("Newidiwyd manylion yr achos")
                .contains(": dyddiad rhyddhau disgwyliedig, galw'n ôl i'r carchar.")
                .contains("Cafodd ei alw'n ôl i'r carchar.")
                .contains("Mae'r adolygiad cyn rhyddhau i'w wneud erbyn 2027-05-05.");
        assertThat(entryCount(corrected)).isZero();
    }

    @Test
    void aSupersededCaseIsToldWithTheNewCase() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.superseded(prisonNumber, officer, "case-new-1"),
                headers(CASE_SUPERSEDED, eventId, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Achos newydd yn lle'r hen un: " + prisonNumber
                + " wedi'i dderbyn i'r carchar eto");
        assertThat(mail.body()).contains("caewyd ei achos blaenorol yn HMP Stocken ar 2026-11-26")
                .contains("Mae achos newydd wedi'i agor: case-new-1.");
    }

    @Test
    void aCompletedPreReleaseReviewIsToldWithWhetherItWasLate() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.reviewCompleted(prisonNumber, officer, false),
                headers(REVIEW_COMPLETED, eventId, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Adolygiad cyn rhyddhau wedi'i wneud: " + prisonNumber);
        assertThat(mail.body()).contains("yn HMP Foston Hall ar 2027-01-08, yn hwyr (roedd i'w wneud erbyn 2027-01-04)")
                .contains("Dyddiad rhyddhau disgwyliedig: 2027-03-01.");
    }

    @Test
    void aRecallReceptionIsToldAsARecall() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.receivedOnRecall(prisonNumber, officer),
                headers(RECEIVED, eventId, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Derbyn: " + prisonNumber + " yn HMP Leicester, wedi'i alw'n ôl");
        assertThat(mail.body()).contains("Cafodd ei alw'n ôl i'r carchar.")
                .contains("Dyddiad rhyddhau disgwyliedig: ddim yn hysbys eto.")
                .contains("Risg o niwed difrifol: uchel.");
    }

    @Test
    void aNewUnpaidWorkOrderIsToldInHours() {
        String officer = welshOfficer();
        String crn = InboundEvents.crn();
        String eventId = newId();
        topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.orderReceived(crn, officer),
                headers(ORDER_RECEIVED, eventId, crn));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Gorchymyn gwaith di-dâl newydd: " + crn + ", 120 awr");
        assertThat(mail.body()).contains("i'w gorffen erbyn 2027-11-02, yn Leicestershire.")
                .contains("hyd at 36 awr").contains("Risg o niwed difrifol: isel.");
    }

    @Test
    void aCompletedUnpaidWorkOrderIsTold() {
        String officer = welshOfficer();
        String crn = InboundEvents.crn();
        String eventId = newId();
        topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.orderCompleted(crn, officer),
                headers(ORDER_COMPLETED, eventId, crn));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Gorchymyn gwaith di-dâl wedi'i orffen: " + crn);
        assertThat(mail.body()).contains("80 o 80 awr wedi'u gwneud")
                .contains("Gorffennodd o fewn 12 mis i gael ei ddedfrydu.").contains("(Rutland)");
    }

    @Test
    void anUnacceptableAbsenceAndAFailureToComplyAreToldButAnAcceptableAbsenceIsNot() {
        String officer = welshOfficer();
        String absent = InboundEvents.crn();
        String failed = InboundEvents.crn();
        String excused = newId();
        String absentEvent = newId();
        String failedEvent = newId();
        topics.send(Topics.COMMUNITY_PAYBACK, absent, InboundEvents.attended(absent, officer, "ACCEPTABLE_ABSENCE"),
                headers(ATTENDED, excused, absent));
        topics.send(Topics.COMMUNITY_PAYBACK, absent, InboundEvents.attended(absent, officer, "UNACCEPTABLE_ABSENCE"),
                headers(ATTENDED, absentEvent, absent));
        topics.send(Topics.COMMUNITY_PAYBACK, failed, InboundEvents.attended(failed, officer,
                "ATTENDED_FAILED_TO_COMPLY"), headers(ATTENDED, failedEvent, failed));

        List<SmtpSink.Mail> mails = awaitMails(officer, 2);
        assertThat(mails).hasSize(2).allSatisfy(OfficerScenarios::plainWords);
        assertThat(mails).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Gwaith di-dâl: absennol heb reswm derbyniol (" + absent
                    + ", 2026-11-28)");
            assertThat(m.body()).contains("cofnodwyd " + absent + " fel: absennol heb reswm derbyniol.")
                    .contains("efallai y bydd angen i chi gymryd camau gorfodi")
                    .contains("40 awr o'r gorchymyn ar ôl i'w gwneud");
        });
        assertThat(mails).anySatisfy(m -> assertThat(m.subject()).isEqualTo(
                "Gwaith di-dâl: yn bresennol, ond heb wneud y gwaith fel y gofynnwyd (" + failed + ", 2026-11-28)"));
        assertThat(entryCount(excused)).isZero();
        assertThat(awaitSent(absentEvent + ":" + officer).template())
                .isEqualTo("community-payback.session.attended.enforceable");
    }

    @Test
    void aDeclinedReferralIsToldWithTheReasonAndWhetherItWentOn() {
        String officer = welshOfficer();
        String onward = InboundEvents.prisonNumber();
        String nobodyLeft = InboundEvents.prisonNumber();
        String late = InboundEvents.prisonNumber();
        topics.send(Topics.REFERRAL, onward, InboundEvents.referralDeclined(onward, officer, "NO_CAPACITY", false),
                headers(DECLINED, newId(), onward));
        topics.send(Topics.REFERRAL, nobodyLeft, InboundEvents.referralDeclined(nobodyLeft, officer, "NOT_ELIGIBLE",
                true), headers(DECLINED, newId(), nobodyLeft));
        topics.send(Topics.REFERRAL, late, InboundEvents.referralDeclined(late, officer, "NO_RESPONSE_BY_DEADLINE",
                false), headers(DECLINED, newId(), late));

        List<SmtpSink.Mail> mails = awaitMails(officer, 3);
        assertThat(mails).allSatisfy(OfficerScenarios::plainWords);
        SmtpSink.Mail sentOn = mails.stream().filter(m -> m.subject().contains(onward)).findFirst().orElseThrow();
        assertThat(sentOn.subject()).isEqualTo("Atgyfeiriad wedi'i wrthod: llety, " + onward);
        assertThat(sentOn.body()).contains("Gwrthododd In-house housing and welfare specialists yr atgyfeiriad ar "
                + "gyfer llety: does ganddyn nhw ddim lle.").contains("Mae wedi'i anfon at y darparwr nesaf.");
        SmtpSink.Mail unroutable = mails.stream().filter(m -> m.subject().contains(nobodyLeft)).findFirst()
                .orElseThrow();
        assertThat(unroutable.body()).contains(": nid yw'r person yn bodloni eu meini prawf.")
                .contains("Does dim darparwr arall yn gallu ei gymryd").contains("Trefnwch y cymorth hwn");
        SmtpSink.Mail noAnswer = mails.stream().filter(m -> m.subject().contains(late)).findFirst().orElseThrow();
        assertThat(noAnswer.body()).contains(": ni wnaethon nhw ateb mewn pryd.");
    }

    @Test
    void aReferralClosedAsUnroutableOrWithAReportIsToldButAWithdrawnOneIsNot() {
        String officer = welshOfficer();
        String unroutable = InboundEvents.prisonNumber();
        String reported = InboundEvents.prisonNumber();
        String withdrawnEvent = newId();
        String reportEvent = newId();
        topics.send(Topics.REFERRAL, reported, InboundEvents.referralClosed(reported, officer, "WITHDRAWN", null,
                false), headers(CLOSED, withdrawnEvent, reported));
        topics.send(Topics.REFERRAL, unroutable, InboundEvents.referralClosed(unroutable, officer, "UNROUTABLE", null,
                null), headers(CLOSED, newId(), unroutable));
        topics.send(Topics.REFERRAL, reported, InboundEvents.referralClosed(reported, officer, "OUTCOME_RECORDED",
                "PARTIALLY_ACHIEVED", true), headers(CLOSED, reportEvent, reported));

        List<SmtpSink.Mail> mails = awaitMails(officer, 2);
        assertThat(mails).hasSize(2).allSatisfy(OfficerScenarios::plainWords);
        assertThat(mails).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Dim darparwr ar gyfer yr atgyfeiriad: cyffuriau ac alcohol, "
                    + unroutable);
            assertThat(m.body()).contains("Trefnwch y cymorth hwn mewn ffordd arall.");
        });
        assertThat(mails).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Adroddiad diwedd gwasanaeth yn barod: cyffuriau ac alcohol, "
                    + reported);
            assertThat(m.body()).contains("Mae Change Grow Live wedi gorffen gweithio")
                    .contains("Canlyniad: wedi'i gyflawni'n rhannol.");
        });
        assertThat(entryCount(withdrawnEvent)).isZero();
        assertThat(awaitSent(reportEvent + ":" + officer).template()).isEqualTo("referral.referral.closed.report");
    }

    @Test
    void aReferralOutcomeIsToldInPlainWords() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String eventId = newId();
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.outcomeRecorded(prisonNumber, officer,
                "EDUCATION_SKILLS_AND_WORK", "TRAINING_OR_EDUCATION_SECURED"), headers(OUTCOME, eventId, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, eventId);
        assertThat(mail.subject()).isEqualTo("Canlyniad atgyfeiriad: addysg, sgiliau a gwaith, daethpwyd o hyd i le "
                + "ar gwrs hyfforddiant neu addysg (" + prisonNumber + ")");
        assertThat(mail.body()).contains("Cofnododd Ingeus ganlyniad yr atgyfeiriad");
    }

    @Test
    void aLateStartIsToldAsAnEscalationButAMissedResponseOnlyAsItsDecline() {
        String officer = welshOfficer();
        String prisonNumber = InboundEvents.prisonNumber();
        String response = newId();
        String start = newId();
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.escalated(prisonNumber, officer, "RESPONSE"),
                headers(ESCALATED, response, prisonNumber));
        topics.send(Topics.REFERRAL, prisonNumber, InboundEvents.escalated(prisonNumber, officer, "START"),
                headers(ESCALATED, start, prisonNumber));

        SmtpSink.Mail mail = onlyMail(officer, start);
        assertThat(mail.subject()).isEqualTo("Atgyfeiriad yn hwyr: arian a dogfennau adnabod, " + prisonNumber);
        assertThat(mail.body()).contains("gyda St Giles Trust yn hwyr: roedd dechrau'r gwaith i fod erbyn 2026-12-10.");
        assertThat(entryCount(response)).isZero();
    }

    // --- shipped templates reach a store seeded before they changed

    @Autowired
    TemplateLibrary templates;

    @Test
    void aTemplateSeededFromAnEarlierReleaseIsBroughtUpToDateButAnAdministratorsEditIsKept() {
        String id = "resettlement.prisoner.released.en";
        MessageTemplate current = templates.find(id).orElseThrow();
        mongo.save(new MessageTemplate(id, "resettlement.prisoner.released", "en", RELEASED,
                "Released: {{prisonNumber}} from {{prisonName}}", """
                {{prisonNumber}}{{#crn}} (CRN {{crn}}){{/crn}} was released from {{prisonName}} on {{releasedOn}}.
                Accommodation on release: {{accommodationOnRelease}}
                Education, training and employment on release: {{eteOnRelease}}
                {{#metAtGate}}A volunteer will meet them at the gate.
                {{/metAtGate}}
                Case {{caseId}}
                """, current.updatedAt()));
        String edited = "resettlement.prisoner.released.volunteer.pl";
        MessageTemplate shippedPolish = templates.find(edited).orElseThrow();
        assertThat(http.put("/api/templates/" + edited, admin, Map.of("subject", "Brama: {{prisonNumber}}",
                "body", "Spotkajcie {{prisonNumber}} przy bramie {{prisonName}}.")).status()).isEqualTo(200);

        templates.afterPropertiesSet();

        assertThat(templates.find(id).orElseThrow().body()).isEqualTo(current.body());
        assertThat(templates.find(edited).orElseThrow().subject()).isEqualTo("Brama: {{prisonNumber}}");
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        String prisonNumber = InboundEvents.prisonNumber();
        topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.released(prisonNumber, officer, false),
                headers(RELEASED, newId(), prisonNumber));
        assertThat(awaitMail(officer).body()).contains("Accommodation on release: no fixed address (homeless)");
        http.put("/api/templates/" + edited, admin, Map.of("subject", shippedPolish.subject(),
                "body", shippedPolish.body()));
    }

    // --- helpers

    String welshOfficer() {
        return recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "cy", null);
    }

    /**
     * The one message the event brought the officer: sent in Welsh, in plain words. Events on one key are consumed
     * in order, so once the last of them is SENT nothing sent before it is still on its way.
     */
    SmtpSink.Mail onlyMail(String officer, String eventId) {
        Notification entry = awaitSent(eventId + ":" + officer);
        assertThat(entry.language()).isEqualTo("cy");
        List<SmtpSink.Mail> mails = awaitMails(officer, 1);
        assertThat(mails).hasSize(1);
        assertThat(entryCount(eventId)).isEqualTo(1);
        plainWords(mails.get(0));
        return mails.get(0);
    }

    static void plainWords(SmtpSink.Mail mail) {
        assertThat(UPPER_SNAKE.matcher(mail.subject() + "\n" + mail.body()).find())
                .as("an UPPER_SNAKE code in %s / %s", mail.subject(), mail.body()).isFalse();
    }

    Notification awaitSent(String id) {
        return awaitNotification(id, n -> n.status().name().equals("SENT"));
    }

    Notification awaitNotification(String id, java.util.function.Predicate<Notification> matching) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.findById(id, Notification.class), n -> n != null && matching.test(n));
    }

    /** The message to this address whose subject or body names the person. */
    SmtpSink.Mail awaitMailAbout(String address, String person) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> smtp.to(address).stream()
                        .filter(m -> m.subject().contains(person) || m.body().contains(person)).toList(),
                        mails -> !mails.isEmpty())
                .get(0);
    }

    /** Every message to this address naming the person. */
    List<SmtpSink.Mail> mailsAbout(String address, String person) {
        return smtp.to(address).stream().filter(m -> m.subject().contains(person) || m.body().contains(person))
                .toList();
    }
}
