package uk.probation.gate.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type the services publish: {@code <service>.<entity>.<past-tense verb>}, its topic and schema version.
 * The JSON Schema of each lives at {@link #dataschema()} on the classpath of this module.
 */
public enum EventType {
    RESETTLEMENT_PRISONER_RECEIVED("resettlement.prisoner.received", Topics.RESETTLEMENT, 1,
            "A prisoner was received into a resettlement prison and a Through the Gate case opened."),
    RESETTLEMENT_PLAN_COMPLETED("resettlement.plan.completed", Topics.RESETTLEMENT, 1,
            "A resettlement plan (needs per pathway, risk of harm) was completed or revised."),
    RESETTLEMENT_PRISONER_RELEASED("resettlement.prisoner.released", Topics.RESETTLEMENT, 1,
            "A prisoner was released, with accommodation and ETE status on release."),
    RESETTLEMENT_PRISONER_TRANSFERRED("resettlement.prisoner.transferred", Topics.RESETTLEMENT, 1,
            "A prisoner was transferred to a prison outside the resettlement list; the case closed as TRANSFERRED."),
    COMMUNITY_PAYBACK_ORDER_RECEIVED("community-payback.order.received", Topics.COMMUNITY_PAYBACK, 1,
            "An unpaid work order (40-300 hours) was received from court."),
    COMMUNITY_PAYBACK_PLACEMENT_ASSIGNED("community-payback.placement.assigned", Topics.COMMUNITY_PAYBACK, 1,
            "A person on an order was placed on a group project or individual placement."),
    COMMUNITY_PAYBACK_SESSION_ATTENDED("community-payback.session.attended", Topics.COMMUNITY_PAYBACK, 1,
            "Attendance at a work session was recorded with minutes credited."),
    COMMUNITY_PAYBACK_WORK_SENT_HOME("community-payback.work.sent-home", Topics.COMMUNITY_PAYBACK, 1,
            "Work was withdrawn or the person sent home for a service reason; never counts against the person."),
    COMMUNITY_PAYBACK_ORDER_COMPLETED("community-payback.order.completed", Topics.COMMUNITY_PAYBACK, 1,
            "All required hours were credited and the order completed."),
    REFERRAL_CREATED("referral.referral.created", Topics.REFERRAL, 1,
            "A referral for a need was created (from a resettlement plan or manually)."),
    REFERRAL_SENT("referral.referral.sent", Topics.REFERRAL, 1,
            "A referral was routed and sent to a provider, with a respond-by date."),
    REFERRAL_ACCEPTED("referral.referral.accepted", Topics.REFERRAL, 1,
            "The provider accepted the referral."),
    REFERRAL_DECLINED("referral.referral.declined", Topics.REFERRAL, 1,
            "The provider declined the referral; it is re-routed or becomes unroutable."),
    REFERRAL_OUTCOME_RECORDED("referral.outcome.recorded", Topics.REFERRAL, 1,
            "The provider recorded the outcome of the referral."),
    REFERRAL_CLOSED("referral.referral.closed", Topics.REFERRAL, 1,
            "The referral was closed.");

    private final String type;
    private final String topic;
    private final int version;
    private final String description;

    EventType(String type, String topic, int version, String description) {
        this.type = type;
        this.topic = topic;
        this.version = version;
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
