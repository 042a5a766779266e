package uk.probation.gate.communitypayback.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.communitypayback.domain.ProjectType;
import uk.probation.gate.communitypayback.domain.SessionCapacity;
import uk.probation.gate.communitypayback.domain.SessionRisk;
import uk.probation.gate.communitypayback.domain.SessionStatus;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.communitypayback.WorkSentHome;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.Events;

/**
 * One work session of a project, with its bookings in the same document: a booking is one optimistic-locked
 * update, so the capacity check and the new booking cannot be split by another coordinator's booking. A stand-down
 * registers its own events in the session's outbox (ADR 0016).
 */
@Document("sessions")
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public class Session extends AggregateDocument {

    private String projectCode;
    private ProjectType projectType;
    private boolean ete;
    private String areaCode;
    /** Indexed (ADR 0013): every list of sessions asks for its days by equality ({@code $in} of the dates). */
    @Indexed(name = "date")
    private LocalDate date;
    // HH:mm text: portable across the wire server and MongoDB, and sorts as time does
    private String startTime;
    private String endTime;
    private int supervisors;
    private int placesPerSupervisor;
    private int capacity;
    private List<Booking> bookings = new ArrayList<>();
    // the people whose instructions a stand-down withdrew: kept for the sent-home figures
    private List<Booking> sentHome = new ArrayList<>();
    // places once held by people whose orders were erased: numbers for the figures, no one named (ADR 0010)
    private List<Headcount> erasedPlaces = new ArrayList<>();
    private SessionStatus status;
    private StandDownReason standDownReason;
    private Instant createdAt;
    /**
     * TRUE while a booking holds attendance not yet credited to its order (ADR 0008), absent otherwise: attendance
     * recovery finds such sessions through this index instead of reading every session (ADR 0013).
     */
    @Indexed(name = "pendingCredit", sparse = true)
    private Boolean pendingCredit;

    protected Session() {
    }

    Session(String id, Project project, LocalDate date, LocalTime startTime, LocalTime endTime, int supervisors,
            int placesPerSupervisor, Instant createdAt) {
        super(id);
        this.projectCode = project.code();
        this.projectType = project.type();
        this.ete = project.ete();
        this.areaCode = project.areaCode();
        this.date = date;
        this.startTime = startTime.toString();
        this.endTime = endTime.toString();
        this.status = SessionStatus.SCHEDULED;
        this.createdAt = createdAt;
        staff(supervisors, placesPerSupervisor);
    }

    void staff(int newSupervisors, int newPlacesPerSupervisor) {
        this.capacity = SessionCapacity.of(newSupervisors, newPlacesPerSupervisor);
        this.supervisors = newSupervisors;
        this.placesPerSupervisor = newPlacesPerSupervisor;
    }

    public int lengthMinutes() {
        return (int) Duration.between(LocalTime.parse(startTime), LocalTime.parse(endTime)).toMinutes();
    }

    public Booking booking(String orderId) {
        return bookings.stream().filter(b -> b.orderId().equals(orderId)).findFirst().orElse(null);
    }

    public boolean isFull() {
        return bookings.size() >= capacity;
    }

    public boolean isStoodDown() {
        return status == SessionStatus.STOOD_DOWN;
    }

    void book(Booking booking) {
        bookings.add(booking);
        notePending();
    }

    void cancel(Booking booking) {
        bookings.remove(booking);
        notePending();
    }

    void recordOutcome(Booking recorded) {
        bookings.replaceAll(b -> b.orderId().equals(recorded.orderId()) ? recorded : b);
        notePending();
    }

    /** Keeps {@code pendingCredit} true exactly while a booking has a claim not yet credited. */
    private void notePending() {
        pendingCredit = bookings.stream().anyMatch(b -> b.pending() != null) ? Boolean.TRUE : null;
    }

    /** Bookings whose outcome is recorded here and not yet credited to the order (ADR 0008). */
    public List<Booking> pendingCredits() {
        return bookings.stream().filter(b -> b.pending() != null).toList();
    }

    /** Withdraws the instructions: the bookings still to attend are freed and returned, one person each. */
    /**
     * Withdraws the session's instructions: every booking without an outcome is freed and its person sent home,
     * one {@code community-payback.work.sent.home} each (keyed by that person's CRN, with the reason).
     */
    List<Booking> standDown(StandDownReason reason, Events events) {
        List<Booking> freed = bookings.stream().filter(b -> b.outcome() == null).toList();
        bookings.removeAll(freed);
        notePending();
        sentHome.addAll(freed);
        status = SessionStatus.STOOD_DOWN;
        standDownReason = reason;
        for (Booking b : freed) {
            registerEvent(events.of(EventType.COMMUNITY_PAYBACK_WORK_SENT_HOME, b.crn(), new WorkSentHome(b.orderId(),
                    b.crn(), getId(), projectCode, areaCode, date, reason.name(), b.responsibleOfficerCode())));
        }
        return freed;
    }

    /**
     * Removes the erased order's booking and stand-down entry, keeping each as an anonymous {@link Headcount};
     * false when the order was on neither.
     */
    boolean forget(String orderId) {
        boolean changed = false;
        for (Booking b : List.copyOf(bookings)) {
            if (orderId.equals(b.orderId())) {
                bookings.remove(b);
                notePending();
                erasedPlaces.add(new Headcount(b.sex(), b.outcome(), false));
                changed = true;
            }
        }
        for (Booking b : List.copyOf(sentHome)) {
            if (orderId.equals(b.orderId())) {
                sentHome.remove(b);
                erasedPlaces.add(new Headcount(b.sex(), null, true));
                changed = true;
            }
        }
        return changed;
    }

    public List<Headcount> getErasedPlaces() {
        return erasedPlaces;
    }

    public List<SessionRisk> risks() {
        return isStoodDown() ? List.of() : SessionCapacity.risks(supervisors, placesPerSupervisor, bookings.size());
    }

    public List<Booking> getSentHome() {
        return sentHome;
    }

    public String getProjectCode() {
        return projectCode;
    }

    public ProjectType getProjectType() {
        return projectType;
    }

    public boolean isEte() {
        return ete;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public LocalDate getDate() {
        return date;
    }

    public LocalTime getStartTime() {
        return LocalTime.parse(startTime);
    }

    public LocalTime getEndTime() {
        return LocalTime.parse(endTime);
    }

    public int getSupervisors() {
        return supervisors;
    }

    public int getPlacesPerSupervisor() {
        return placesPerSupervisor;
    }

    public int getCapacity() {
        return capacity;
    }

    public List<Booking> getBookings() {
        return bookings;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public StandDownReason getStandDownReason() {
        return standDownReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
