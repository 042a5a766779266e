package uk.probation.gate.communitypayback.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.communitypayback.domain.Assessment;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.Credit;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.communitypayback.OrderCompleted;
import uk.probation.gate.contracts.communitypayback.OrderErased;
import uk.probation.gate.contracts.communitypayback.OrderReceived;
import uk.probation.gate.contracts.communitypayback.PlacementAssigned;
import uk.probation.gate.contracts.communitypayback.SessionAttended;
import uk.probation.gate.contracts.communitypayback.WorkSentHome;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.Events;

/**
 * One unpaid work order: the minutes owed and credited, from receipt to completion. Each change others hear of
 * registers its own event in the order's outbox, in the method that makes it (ADR 0016), keyed by the CRN.
 */
@Document("orders")
// a unique {_id, version} index lets the wire server serve the optimistic-lock update by index
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public class Order extends AggregateDocument {

    @Indexed(name = "crn")
    private String crn;
    private LocalDate sentenceDate;
    @Indexed(name = "areaCode")
    private String areaCode;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    @Indexed(name = "status")
    private OrderStatus status;
    private int requiredMinutes;
    private int creditedMinutes;
    private int eteMinutesAllowed;
    private int eteMinutesCredited;
    private LocalDate completeBy;
    private Instant receivedAt;
    private Assessment assessment;
    private Placement placement;
    private List<AttendanceRecord> attendances = new ArrayList<>();
    private int enforceableFailures;
    private LocalDate firstSessionOn;
    private LocalDate completedOn;
    private Boolean withinTwelveMonths;
    // set on the tombstone only: the day the finished order was erased (ADR 0010)
    private LocalDate erasedOn;

    protected Order() {
    }

    /** The order as received from court: {@code community-payback.order.received}. */
    Order(String id, NewOrder order, int requiredMinutes, int eteMinutesAllowed, LocalDate completeBy,
            Instant receivedAt, Events events) {
        super(id);
        this.crn = order.crn();
        this.sentenceDate = order.sentenceDate();
        this.areaCode = order.areaCode();
        this.sex = order.sex();
        this.riskOfSeriousHarm = order.riskOfSeriousHarm();
        this.responsibleOfficerCode = order.responsibleOfficerCode();
        this.status = OrderStatus.AWAITING_ASSESSMENT;
        this.requiredMinutes = requiredMinutes;
        this.eteMinutesAllowed = eteMinutesAllowed;
        this.completeBy = completeBy;
        this.receivedAt = receivedAt;
        registerEvent(events.of(EventType.COMMUNITY_PAYBACK_ORDER_RECEIVED, crn, new OrderReceived(getId(), crn,
                sentenceDate, requiredMinutes, eteMinutesAllowed, completeBy, areaCode, sex.name(),
                riskOfSeriousHarm.name(), responsibleOfficerCode)));
    }

    /** Records the assessment; the order can then be placed. A reassessment keeps the placement. */
    void assess(Assessment newAssessment) {
        this.assessment = newAssessment;
        if (status == OrderStatus.AWAITING_ASSESSMENT) {
            status = OrderStatus.AWAITING_PLACEMENT;
        }
    }

    /** Placed on a project: {@code community-payback.placement.assigned}. */
    void place(Placement newPlacement, Events events) {
        this.placement = newPlacement;
        this.status = OrderStatus.PLACED;
        registerEvent(events.of(EventType.COMMUNITY_PAYBACK_PLACEMENT_ASSIGNED, crn, new PlacementAssigned(getId(),
                crn, areaCode, placement.projectCode(), placement.projectType().name(), placement.ete(),
                placement.assignedOn(), responsibleOfficerCode)));
    }

    void extendTo(LocalDate newCompleteBy) {
        this.completeBy = newCompleteBy;
    }

    /**
     * The finished order's retention ended: everything about the person goes (CRN, sentence, assessment, placement,
     * attendance, officer, risk, sex, dates); what stays is the id, the area and when it was erased, so the erased
     * event (registered in the same save) can be published before the tombstone itself is deleted.
     * {@code community-payback.order.erased} is registered first, naming the CRN the tombstone no longer holds.
     */
    void erase(LocalDate on, Events events) {
        registerEvent(events.of(EventType.COMMUNITY_PAYBACK_ORDER_ERASED, crn, new OrderErased(getId(), crn,
                areaCode, on)));
        crn = null;
        sentenceDate = null;
        sex = null;
        riskOfSeriousHarm = null;
        responsibleOfficerCode = null;
        status = OrderStatus.ERASED;
        requiredMinutes = 0;
        creditedMinutes = 0;
        eteMinutesAllowed = 0;
        eteMinutesCredited = 0;
        completeBy = null;
        receivedAt = null;
        assessment = null;
        placement = null;
        attendances = new ArrayList<>();
        enforceableFailures = 0;
        firstSessionOn = null;
        completedOn = null;
        withinTwelveMonths = null;
        erasedOn = on;
    }

    public boolean isErased() {
        return status == OrderStatus.ERASED;
    }

    public LocalDate getErasedOn() {
        return erasedOn;
    }

    public boolean isCompleted() {
        return status == OrderStatus.COMPLETED;
    }

    public boolean hasAttendanceFor(String sessionId) {
        return attendanceFor(sessionId) != null;
    }

    /** The outcome recorded for the session, or null. */
    public AttendanceRecord attendanceFor(String sessionId) {
        return attendances.stream().filter(a -> a.sessionId().equals(sessionId)).findFirst().orElse(null);
    }

    /**
     * Credits a session's outcome. Returns true when this session's minutes complete the order; the first session
     * worked is remembered for the time-to-first-session measure. An order already completed takes the outcome with
     * nothing more credited (the credit is capped at what remains) and is not completed again.
     * {@code community-payback.session.attended}, or {@code community-payback.work.sent.home} (SERVICE_ISSUE) when
     * the service sent the person home; then {@code community-payback.order.completed} when this completes it.
     */
    boolean record(WorkedSession session, AttendanceClaim claim, Credit credit, boolean completedInTime,
            Events events) {
        AttendanceOutcome outcome = claim.outcome();
        attendances.add(new AttendanceRecord(session.sessionId(), session.date(), session.projectCode(),
                session.projectType(), outcome, credit.minutes(), credit.eteMinutes(), claim.recordedAt(),
                claim.recordedBy(), claim.recordedByName()));
        creditedMinutes += credit.minutes();
        eteMinutesCredited += credit.eteMinutes();
        if (outcome.enforceable()) {
            enforceableFailures++;
        }
        if (outcome.worked() && (firstSessionOn == null || session.date().isBefore(firstSessionOn))) {
            firstSessionOn = session.date();
        }
        boolean completes = status != OrderStatus.COMPLETED && creditedMinutes >= requiredMinutes;
        if (completes) {
            status = OrderStatus.COMPLETED;
            completedOn = session.date();
            withinTwelveMonths = completedInTime;
        }
        if (outcome.sentHomeByService()) {
            registerEvent(events.of(EventType.COMMUNITY_PAYBACK_WORK_SENT_HOME, crn, new WorkSentHome(getId(), crn,
                    session.sessionId(), session.projectCode(), session.areaCode(), session.date(), "SERVICE_ISSUE",
                    responsibleOfficerCode)));
        } else {
            registerEvent(events.of(EventType.COMMUNITY_PAYBACK_SESSION_ATTENDED, crn, new SessionAttended(getId(),
                    crn, session.sessionId(), session.projectCode(), session.areaCode(), session.date(),
                    outcome.name(), credit.minutes(), creditedMinutes, getRemainingMinutes(),
                    responsibleOfficerCode)));
        }
        if (completes) {
            registerEvent(events.of(EventType.COMMUNITY_PAYBACK_ORDER_COMPLETED, crn, new OrderCompleted(getId(),
                    crn, areaCode, sex.name(), sentenceDate, completedOn, requiredMinutes, creditedMinutes,
                    withinTwelveMonths, responsibleOfficerCode)));
        }
        return completes;
    }

    /** Whether crediting this many more minutes completes the order. */
    boolean wouldComplete(int minutes) {
        return status != OrderStatus.COMPLETED && creditedMinutes + minutes >= requiredMinutes;
    }

    public int getRemainingMinutes() {
        return Math.max(0, requiredMinutes - creditedMinutes);
    }

    public String getCrn() {
        return crn;
    }

    public LocalDate getSentenceDate() {
        return sentenceDate;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public Sex getSex() {
        return sex;
    }

    public RiskOfSeriousHarm getRiskOfSeriousHarm() {
        return riskOfSeriousHarm;
    }

    public String getResponsibleOfficerCode() {
        return responsibleOfficerCode;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public int getRequiredMinutes() {
        return requiredMinutes;
    }

    public int getCreditedMinutes() {
        return creditedMinutes;
    }

    public int getEteMinutesAllowed() {
        return eteMinutesAllowed;
    }

    public int getEteMinutesCredited() {
        return eteMinutesCredited;
    }

    public LocalDate getCompleteBy() {
        return completeBy;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Assessment getAssessment() {
        return assessment;
    }

    public Placement getPlacement() {
        return placement;
    }

    public List<AttendanceRecord> getAttendances() {
        return attendances;
    }

    public int getEnforceableFailures() {
        return enforceableFailures;
    }

    public LocalDate getFirstSessionOn() {
        return firstSessionOn;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public Boolean getWithinTwelveMonths() {
        return withinTwelveMonths;
    }
}
