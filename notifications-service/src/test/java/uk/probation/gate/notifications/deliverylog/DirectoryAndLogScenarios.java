package uk.probation.gate.notifications.deliverylog;

import static uk.probation.gate.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.probation.gate.notifications.support.InboundEvents.headers;
import static uk.probation.gate.notifications.support.InboundEvents.newId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.support.InboundEvents;
import uk.probation.gate.notifications.support.SmtpSink;
import uk.probation.gate.platform.test.Http;
import uk.probation.gate.platform.test.Tokens;

/**
 * What admins and ops viewers manage and read: the recipient directory, the templates, and the delivery log paged
 * newest first; bad entries and out-of-range pages refused naming the field.
 */
abstract class DirectoryAndLogScenarios extends NotificationScenarioSupport {

    @Test
    void theDirectoryKeepsContactDetailsAndRefusesBadEntriesNamingTheField() {
        String code = InboundEvents.crn();
        Http.Response bad = http.put("/api/recipients/" + code, admin, Map.of("kind", "NEIGHBOUR",
                "email", "not an address", "language", "Welsh", "quietHours", "late"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("kind", "email", "language", "quietHours");
        assertThat(http.get("/api/recipients/" + code, admin).status()).isEqualTo(404);

        recipient(code, "PERSON", "pl", "21:00-08:00");
        Http.Response found = http.get("/api/recipients/" + code, admin);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.field("kind")).isEqualTo("PERSON");
        assertThat(found.field("email")).isEqualTo(email(code));
        assertThat(found.field("language")).isEqualTo("pl");
        assertThat(found.field("quietHours")).isEqualTo("21:00-08:00");
        assertThat(http.get("/api/recipients/SOVA", admin).field("kind")).isEqualTo("VOLUNTEER_SERVICE");
        assertThat(http.get("/api/recipients/" + code, viewer).status()).isEqualTo(403);
    }

    @Test
    void anAdminPagesThroughTheDirectoryByCodeOptionallyOfOneKind() {
        String first = recipient("VS-" + InboundEvents.crn(), "VOLUNTEER_SERVICE", "cy", null);
        String second = recipient("VS-" + InboundEvents.crn(), "VOLUNTEER_SERVICE", "en", "22:00-07:00");
        recipient(InboundEvents.crn(), "PERSON", "en", null);

        Http.Response volunteers = http.get("/api/recipients?kind=VOLUNTEER_SERVICE&size=200", admin);
        assertThat(volunteers.status()).isEqualTo(200);
        List<String> codes = volunteers.body().get("items").findValuesAsString("code");
        assertThat(codes).contains("SOVA", first, second).isSorted();
        assertThat(volunteers.body().get("items").findValuesAsString("kind")).containsOnly("VOLUNTEER_SERVICE");
        assertThat(volunteers.body().get("total").asInt()).isEqualTo(codes.size());
        JsonNode secondEntry = volunteers.body().get("items").get(codes.indexOf(second));
        assertThat(secondEntry.get("email").asString()).isEqualTo(email(second));
        assertThat(secondEntry.get("language").asString()).isEqualTo("en");
        assertThat(secondEntry.get("quietHours").asString()).isEqualTo("22:00-07:00");

        Http.Response everyone = http.get("/api/recipients?size=200", admin);
        assertThat(everyone.body().get("items").findValuesAsString("kind"))
                .contains("VOLUNTEER_SERVICE", "PERSON", "PROVIDER", "RESPONSIBLE_OFFICER");
        Http.Response pageOne = http.get("/api/recipients?kind=VOLUNTEER_SERVICE&page=1&size=1", admin);
        assertThat(pageOne.body().get("items").findValuesAsString("code")).containsExactly(codes.get(1));
        assertThat(pageOne.body().get("page").asInt()).isEqualTo(1);
        assertThat(pageOne.body().get("size").asInt()).isEqualTo(1);
        assertThat(pageOne.body().get("total").asInt()).isEqualTo(codes.size());

        assertProblem(http.get("/api/recipients?kind=NEIGHBOUR", admin), 400, "kind");
        assertProblem(http.get("/api/recipients?size=0", admin), 400, "size");
        assertThat(http.get("/api/recipients", viewer).status()).isEqualTo(403);
    }

    @Test
    void aTemplateUsingSomethingTheEventCannotFillIsRefusedAndNothingChanges() {
        String id = "community-payback.session.attended.sent-home.cy";
        String before = http.get("/api/templates/" + id, admin).field("body");
        Http.Response refused = http.put("/api/templates/" + id, admin, Map.of("subject", "Anfonwyd adref: {{crn}}",
                "body", "Annwyl {{firstName}}, {{crn}}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("message").asString()).contains("firstName");
        assertThat(http.get("/api/templates/" + id, admin).field("body")).isEqualTo(before);

        Http.Response unknownType = http.put("/api/templates/community-payback.session.teleported.cy", admin,
                Map.of("subject", "x", "body", "y"));
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.body().get("errors").findValuesAsString("field")).contains("id");

        Http.Response saved = http.put("/api/templates/" + id, admin, Map.of("subject", "Adref: {{crn}} {{areaName}}",
                "body", "{{crn}} / {{projectCode}} / {{sessionDate}}"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.field("eventType")).isEqualTo(ATTENDED);
        assertThat(saved.field("language")).isEqualTo("cy");
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "cy", null);
        String crn = InboundEvents.crn();
        topics.send(Topics.COMMUNITY_PAYBACK, crn, InboundEvents.attended(crn, officer, "SENT_HOME_BEHAVIOUR"),
                headers(ATTENDED, newId(), crn));
        SmtpSink.Mail mail = awaitMail(officer);
        assertThat(mail.subject()).isEqualTo("Adref: " + crn + " Nottinghamshire");
        assertThat(mail.body()).isEqualTo(crn + " / PARKS-1 / 2026-11-28");
    }

    @Test
    void templatesAreListedPerEventTypeAndLanguage() {
        Http.Response listed = http.get("/api/templates?eventType=" + SENT_HOME, admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsString("id")).contains("community-payback.work.sent-home.en",
                "community-payback.work.sent-home.cy", "community-payback.work.sent-home.person.en",
                "community-payback.work.sent-home.person.cy", "community-payback.work.sent-home.person.pl");
        assertThat(http.get("/api/templates", viewer).status()).isEqualTo(403);
    }

    @Test
    void pagingOutOfRangeIsRefusedNamingTheParameter() {
        assertProblem(http.get("/api/notifications?page=-1", viewer), 400, "page");
        assertProblem(http.get("/api/notifications?size=0", viewer), 400, "size");
        assertProblem(http.get("/api/notifications?size=201", viewer), 400, "size");
        assertProblem(http.get("/api/notifications?page=first", viewer), 400, "page");

        Http.Response paged = http.get("/api/notifications?page=3&size=5", viewer);
        assertThat(paged.status()).isEqualTo(200);
        assertThat(paged.body().get("page").asInt()).isEqualTo(3);
        assertThat(paged.body().get("size").asInt()).isEqualTo(5);
        assertThat(paged.body().has("items")).isTrue();
        assertThat(paged.body().has("total")).isTrue();
    }

    @Test
    void pagesSplitTheLogNewestFirst() {
        String officer = recipient(InboundEvents.officerCode(), "RESPONSIBLE_OFFICER", "en", null);
        for (int i = 0; i < 3; i++) {
            String prisonNumber = InboundEvents.prisonNumber();
            topics.send(Topics.RESETTLEMENT, prisonNumber, InboundEvents.received(prisonNumber, officer),
                    headers(RECEIVED, newId(), prisonNumber));
        }
        awaitMails(officer, 3);

        Http.Response first = http.get("/api/notifications?recipientCode=" + officer + "&page=0&size=2", viewer);
        Http.Response second = http.get("/api/notifications?recipientCode=" + officer + "&page=1&size=2", viewer);
        assertThat(first.body().get("total").asLong()).isEqualTo(3);
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(second.body().get("items")).hasSize(1);
        assertThat(first.body().get("items").get(0).get("createdAt").asString())
                .isGreaterThanOrEqualTo(first.body().get("items").get(1).get("createdAt").asString());
    }

    @Test
    void onlyAdminsAndOpsViewersReadTheLog() {
        Http.Response anonymous = http.get("/api/notifications", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Http.Response wrongRole = http.get("/api/notifications", Tokens.forRole("RESPONSIBLE_OFFICER"));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/notifications", admin).status()).isEqualTo(200);
        assertThat(http.post("/api/admin/dead-letters/replay", viewer, Map.of()).status()).isEqualTo(403);
    }
}
