package uk.probation.gate.contracts;

import java.util.Arrays;
import java.util.Optional;
import uk.probation.gate.contracts.communitypayback.OrderCompleted;
import uk.probation.gate.contracts.communitypayback.OrderErased;
import uk.probation.gate.contracts.communitypayback.OrderReceived;
import uk.probation.gate.contracts.communitypayback.PlacementAssigned;
import uk.probation.gate.contracts.communitypayback.SessionAttended;
import uk.probation.gate.contracts.communitypayback.WorkSentHome;
import uk.probation.gate.contracts.referral.ReferralAccepted;
import uk.probation.gate.contracts.referral.ReferralClosed;
import uk.probation.gate.contracts.referral.ReferralCreated;
import uk.probation.gate.contracts.referral.ReferralDeclined;
import uk.probation.gate.contracts.referral.ReferralErased;
import uk.probation.gate.contracts.referral.ReferralEscalated;
import uk.probation.gate.contracts.referral.ReferralOutcomeRecorded;
import uk.probation.gate.contracts.referral.ReferralSent;
import uk.probation.gate.contracts.referral.ReferralStarted;
import uk.probation.gate.contracts.resettlement.CaseAllocated;
import uk.probation.gate.contracts.resettlement.CaseDeallocated;
import uk.probation.gate.contracts.resettlement.CaseErased;
import uk.probation.gate.contracts.resettlement.CaseSuperseded;
import uk.probation.gate.contracts.resettlement.CaseUpdated;
import uk.probation.gate.contracts.resettlement.PlanCompleted;
import uk.probation.gate.contracts.resettlement.PreReleaseReviewCompleted;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.contracts.resettlement.PrisonerReleased;
import uk.probation.gate.contracts.resettlement.PrisonerTransferred;

/**
 * Every event type the services publish: {@code <service>.<entity>.<past-tense verb>}, its topic and schema version.
 * The JSON Schema of each lives at {@link #dataschema()} on the classpath of this module.
 */
public enum EventType {
    RESETTLEMENT_PRISONER_RECEIVED("resettlement.prisoner.received", Topics.RESETTLEMENT, 1, PrisonerReceived.class,
            "A prisoner was received into a resettlement prison and a Through the Gate case opened."),
    RESETTLEMENT_PLAN_COMPLETED("resettlement.plan.completed", Topics.RESETTLEMENT, 1, PlanCompleted.class,
            "A resettlement plan (needs per pathway, risk of harm) was completed or revised."),
    RESETTLEMENT_PRISONER_RELEASED("resettlement.prisoner.released", Topics.RESETTLEMENT, 1, PrisonerReleased.class,
            "A prisoner was released, with accommodation and ETE status on release."),
    RESETTLEMENT_PRISONER_TRANSFERRED("resettlement.prisoner.transferred", Topics.RESETTLEMENT, 1, PrisonerTransferred.class,
            "A prisoner was transferred to a prison outside the resettlement list; the case closed as TRANSFERRED."),
    RESETTLEMENT_CASE_UPDATED("resettlement.case.updated", Topics.RESETTLEMENT, 1, CaseUpdated.class,
            "A caseworker completed or corrected the case's details, or the case moved between resettlement prisons."),
    RESETTLEMENT_REVIEW_COMPLETED("resettlement.review.completed", Topics.RESETTLEMENT, 1,
            PreReleaseReviewCompleted.class, "The pre-release review was completed."),
    RESETTLEMENT_CASE_SUPERSEDED("resettlement.case.superseded", Topics.RESETTLEMENT, 1, CaseSuperseded.class,
            "A later reception of the same person closed this open case; one open case per person."),
    RESETTLEMENT_CASE_ALLOCATED("resettlement.case.allocated", Topics.RESETTLEMENT, 1, CaseAllocated.class,
            "The case was allocated to a named caseworker."),
    RESETTLEMENT_CASE_DEALLOCATED("resettlement.case.deallocated", Topics.RESETTLEMENT, 1, CaseDeallocated.class,
            "The case no longer has a caseworker (released, transferred out, superseded or by hand)."),
    RESETTLEMENT_CASE_ERASED("resettlement.case.erased", Topics.RESETTLEMENT, 1, CaseErased.class,
            "The closed case reached the end of its retention period and was deleted; every service deletes its copies."),
    COMMUNITY_PAYBACK_ORDER_RECEIVED("community-payback.order.received", Topics.COMMUNITY_PAYBACK, 1, OrderReceived.class,
            "An unpaid work order (40-300 hours) was received from court."),
    COMMUNITY_PAYBACK_PLACEMENT_ASSIGNED("community-payback.placement.assigned", Topics.COMMUNITY_PAYBACK, 1, PlacementAssigned.class,
            "A person on an order was placed on a group project or individual placement."),
    COMMUNITY_PAYBACK_SESSION_ATTENDED("community-payback.session.attended", Topics.COMMUNITY_PAYBACK, 1, SessionAttended.class,
            "Attendance at a work session was recorded with minutes credited."),
    COMMUNITY_PAYBACK_WORK_SENT_HOME("community-payback.work.sent-home", Topics.COMMUNITY_PAYBACK, 1, WorkSentHome.class,
            "Work was withdrawn or the person sent home for a service reason; never counts against the person."),
    COMMUNITY_PAYBACK_ORDER_COMPLETED("community-payback.order.completed", Topics.COMMUNITY_PAYBACK, 1, OrderCompleted.class,
            "All required hours were credited and the order completed."),
    COMMUNITY_PAYBACK_ORDER_ERASED("community-payback.order.erased", Topics.COMMUNITY_PAYBACK, 1, OrderErased.class,
            "The finished order reached the end of its retention period and was deleted; every service deletes its copies."),
    REFERRAL_CREATED("referral.referral.created", Topics.REFERRAL, 1, ReferralCreated.class,
            "A referral for a need was created (from a resettlement plan or manually)."),
    REFERRAL_SENT("referral.referral.sent", Topics.REFERRAL, 1, ReferralSent.class,
            "A referral was routed and sent to a provider, with a respond-by date."),
    REFERRAL_ACCEPTED("referral.referral.accepted", Topics.REFERRAL, 1, ReferralAccepted.class,
            "The provider accepted the referral."),
    REFERRAL_STARTED("referral.referral.started", Topics.REFERRAL, 1, ReferralStarted.class,
            "The provider started work on the accepted referral."),
    REFERRAL_DECLINED("referral.referral.declined", Topics.REFERRAL, 1, ReferralDeclined.class,
            "The provider declined the referral; it is re-routed or becomes unroutable."),
    REFERRAL_OUTCOME_RECORDED("referral.outcome.recorded", Topics.REFERRAL, 1, ReferralOutcomeRecorded.class,
            "The provider recorded the outcome of the referral."),
    REFERRAL_ESCALATED("referral.referral.escalated", Topics.REFERRAL, 1, ReferralEscalated.class,
            "A stage of the referral (response, start, outcome) passed its deadline and was escalated."),
    REFERRAL_CLOSED("referral.referral.closed", Topics.REFERRAL, 1, ReferralClosed.class,
            "The referral was closed."),
    REFERRAL_ERASED("referral.referral.erased", Topics.REFERRAL, 1, ReferralErased.class,
            "The referral was deleted (retention ended or its case was erased); every service deletes its copies.");

    private final String type;
    private final String topic;
    private final int version;
    private final Class<? extends Record> payloadType;
    private final String description;

    EventType(String type, String topic, int version, Class<? extends Record> payloadType, String description) {
        this.type = type;
        this.topic = topic;
        this.version = version;
        this.payloadType = payloadType;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public int version() {
        return version;
    }

    /** The record the JSON payload (the Kafka record value) reads into. */
    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public String description() {
        return description;
    }

    /** The {@code ce_dataschema} value, also the classpath location of the JSON Schema. */
    public String dataschema() {
        return dataschema(version);
    }

    public String dataschema(int schemaVersion) {
        return "/schemas/" + type + "/v" + schemaVersion + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
