package uk.probation.gate.communitypayback.session;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.communitypayback.Conflicts;
import uk.probation.gate.communitypayback.Reach;
import uk.probation.gate.communitypayback.UnpaidWorkMetrics;
import uk.probation.gate.communitypayback.domain.AttendanceOutcome;
import uk.probation.gate.communitypayback.domain.BookingRules;
import uk.probation.gate.communitypayback.domain.DaysPerWeek;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.domain.PlacementRules;
import uk.probation.gate.communitypayback.domain.Problem;
import uk.probation.gate.communitypayback.domain.StandDownReason;
import uk.probation.gate.communitypayback.domain.UnpaidWorkDates;
import uk.probation.gate.communitypayback.order.AttendanceClaim;
import uk.probation.gate.communitypayback.CommunityPaybackProperties;
import uk.probation.gate.communitypayback.order.Order;
import uk.probation.gate.communitypayback.order.Orders;
import uk.probation.gate.communitypayback.order.WorkedSession;
import uk.probation.gate.communitypayback.project.Project;
import uk.probation.gate.communitypayback.project.Projects;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.failure.NotFound;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;

/** Sessions and what happens to them: staffing, bookings within capacity, attendance, stand-downs. */
@Service
public class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Projects projects;
    private final Orders orders;
    private final Events events;
    private final CommunityPaybackProperties properties;
    private final UnpaidWorkMetrics metrics;
    private final Clock clock;
    /** Whether a run of {@link #creditPending} has looked for claims made before they were marked (once a start). */
    private volatile boolean unmarkedClaimsChecked;

    Sessions(AggregateStore store, MongoTemplate mongo, Projects projects, Orders orders, Events events,
            CommunityPaybackProperties properties, UnpaidWorkMetrics metrics, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.projects = projects;
        this.orders = orders;
        this.events = events;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Session create(String projectCode, LocalDate date, LocalTime startTime, LocalTime endTime, int supervisors,
            int placesPerSupervisor) {
        Project project = projects.get(projectCode);
        Optional<Session> created = store.createdByAbandonedAttempt(Session.class);
        if (created.isPresent()) {
            return created.get();
        }
        if (!endTime.isAfter(startTime)) {
            refuse("A session ends after it starts", List.of(new Problem("endTime", "must be after startTime")));
        }
        return store.save(new Session(UUID.randomUUID().toString(), project, date, startTime, endTime, supervisors,
                placesPerSupervisor, clock.instant()));
    }

    /** The session; 404 when there is none or its project's area is outside the caller's areas. */
    public Session get(String sessionId) {
        Session found = store.findById(sessionId, Session.class);
        if (found == null || !Reach.area(found.getAreaCode())) {
            throw new NotFound("Session " + sessionId);
        }
        return found;
    }

    /** Supervisors changed (one called in sick, one was found): capacity follows; bookings stay, maybe at risk. */
    public Session staff(String sessionId, int supervisors, Integer placesPerSupervisor) {
        return Conflicts.retry(() -> {
            Session s = get(sessionId);
            refuseIfStoodDown(s);
            s.staff(supervisors, placesPerSupervisor == null ? s.getPlacesPerSupervisor() : placesPerSupervisor);
            return store.save(s);
        });
    }

    /**
     * Books the order on the session. The capacity check and the booking are one optimistic-locked update of the
     * session; a lost race reloads and checks again, so the last place goes to exactly one order.
     */
    public Session book(String sessionId, String orderId) {
        Session session = get(sessionId);
        if (store.alreadyApplied(session)) {
            return session;
        }
        Order order = orders.get(orderId);
        if (order == null) {
            refuse("There is no such order", List.of(new Problem("orderId", "no order " + orderId)));
        }
        if (order.isCompleted()) {
            throw new Conflict("Order " + orderId + " is completed");
        }
        if (order.getStatus() != OrderStatus.PLACED) {
            refuse("The order is not placed", List.of(new Problem("orderId",
                    "must be assessed and placed on a project before sessions are booked (status "
                            + order.getStatus() + ")")));
        }
        if (!order.getPlacement().projectCode().equals(session.getProjectCode())) {
            refuse("The session is on another project", List.of(new Problem("sessionId", "is on project "
                    + session.getProjectCode() + "; the order is placed on "
                    + order.getPlacement().projectCode())));
        }
        refuse("The order cannot be placed on this project", PlacementRules.check(order.getAssessment(),
                order.getRiskOfSeriousHarm(), session.getProjectType(), properties.highRiskIndividualPlacements()));
        refuse("The session has already happened",
                UnpaidWorkDates.booking(session.getDate(), UnpaidWorkDates.today(clock)));
        refuse("The person cannot be booked on " + session.getDate(),
                BookingRules.check(order.getAssessment(), session.getDate(), order.getCompleteBy()));
        boolean intensive = order.getAssessment().intensive();
        int limit = properties.daysPerWeekLimit(intensive);
        refuse("The order is booked on as many days that week as it may be", DaysPerWeek.check(intensive, limit,
                session.getDate(), bookedDays(orderId, session)));
        Session booked = Conflicts.retry(() -> {
            Session s = get(sessionId);
            refuseIfStoodDown(s);
            if (s.booking(orderId) != null) {
                throw new Conflict("Order " + orderId + " is already booked on session " + sessionId);
            }
            if (s.isFull()) {
                throw new Conflict("Session " + sessionId + " is full: " + s.getBookings().size()
                        + " booked for " + s.getCapacity() + " places (" + s.getSupervisors() + " supervisors × "
                        + s.getPlacesPerSupervisor() + ")");
            }
            s.book(new Booking(orderId, order.getCrn(), order.getResponsibleOfficerCode(), clock.instant(), null,
                    order.getSex(), null));
            return store.save(s);
        });
        // the order booked on another day of that week at the same moment: the later look sees both and undoes this
        // one (both may be undone; never one day too many)
        List<Problem> over = DaysPerWeek.check(intensive, limit, session.getDate(), bookedDays(orderId, session));
        if (!over.isEmpty()) {
            booked = Conflicts.retry(() -> {
                Session s = get(sessionId);
                Booking b = s.booking(orderId);
                if (b != null && b.outcome() == null) {
                    s.cancel(b);
                    store.save(s);
                }
                return s;
            });
            refuse("The order is booked on as many days that week as it may be", over);
        }
        return booked;
    }

    /** The days the order is booked on in the ISO week of the session, other than on this session. */
    private List<LocalDate> bookedDays(String orderId, Session session) {
        LocalDate monday = DaysPerWeek.monday(session.getDate());
        return mongo.find(new Query(where("date").in(days(monday, monday.plusDays(6)))
                .and("bookings.orderId").is(orderId)), Session.class).stream()
                .filter(s -> !s.getId().equals(session.getId()))
                .map(Session::getDate).toList();
    }

    /** Frees a place, e.g. to move the person off a session at risk; a booking with its outcome recorded stays. */
    public Session cancel(String sessionId, String orderId) {
        return Conflicts.retry(() -> {
            Session s = get(sessionId);
            Booking b = s.booking(orderId);
            // the order must be in reach too: a booking of another area's order is not found, like an unknown one
            if (b == null || orders.get(orderId) == null) {
                throw new NotFound("Booking of order " + orderId + " on session " + sessionId);
            }
            if (b.outcome() != null) {
                throw new Conflict("Attendance for order " + orderId + " at session " + sessionId
                        + " is already recorded as " + b.outcome());
            }
            s.cancel(b);
            return store.save(s);
        });
    }

    /**
     * Records a booked person's outcome (ADR 0008). The session's write comes first and is the decision: the booking
     * takes the outcome and the claim (who recorded it, when, the minutes reported) in one optimistic-locked update,
     * so from then on it can be neither stood down nor cancelled. The order then credits the claim (idempotent) and
     * publishes it, and the claim is cleared. A crash between the writes leaves the claim on the booking, and
     * {@link #creditPending} credits it later: never lost, never twice.
     */
    public Order recordAttendance(String sessionId, String orderId, AttendanceOutcome outcome, int minutes) {
        Session session = get(sessionId);
        Booking booking = session.booking(orderId);
        // an order outside the caller's areas is treated like one that is not booked
        if (booking == null || orders.get(orderId) == null) {
            refuse("Attendance is recorded for people booked on the session",
                    List.of(new Problem("orderId", "is not booked on session " + sessionId)));
        }
        if (booking.outcome() != null) {
            return recordedAlready(session, orderId, booking, outcome);
        }
        LocalDate today = UnpaidWorkDates.today(clock);
        refuse("The session has not happened yet", UnpaidWorkDates.attendance(session.getDate(), today));
        WorkedSession worked = worked(session);
        orders.checkAttendance(orderId, worked, outcome, minutes, today);
        Reach.Recorder recorder = Reach.recorder();
        AttendanceClaim claim = new AttendanceClaim(outcome, minutes, clock.instant(), recorder.subject(),
                recorder.name());
        Conflicts.retry(() -> {
            Session s = get(sessionId);
            Booking b = s.booking(orderId);
            if (b == null) {
                // stood down or cancelled since it was read
                refuse("Attendance is recorded for people booked on the session",
                        List.of(new Problem("orderId", "is not booked on session " + sessionId)));
            }
            if (b.outcome() != null) {
                throw alreadyRecorded(sessionId, orderId, b);
            }
            s.recordOutcome(b.claimed(claim));
            return store.save(s);
        });
        Order credited = orders.credit(orderId, worked, claim);
        settle(sessionId, orderId);
        return credited;
    }

    /**
     * Credits every claim older than {@code claimedBefore} that has not reached its order (a crash between the
     * session's write and the order's, or between the order's and the claim being cleared) and clears it. Returns
     * how many claims were settled. Safe to run anywhere at any time: the order's credit is idempotent.
     */
    public int creditPending(Instant claimedBefore) {
        int settled = 0;
        // found by the pendingCredit index; the first run after a start also reads every session once, for claims
        // left by a version that did not mark them
        Criteria pending = where("pendingCredit").is(true);
        boolean firstRun = !unmarkedClaimsChecked;
        if (firstRun) {
            pending = new Criteria().orOperator(pending, where("bookings.pending").exists(true));
        }
        for (Session s : mongo.find(new Query(pending), Session.class)) {
            for (Booking b : s.pendingCredits()) {
                if (b.pending().recordedAt().isBefore(claimedBefore)) {
                    try {
                        orders.credit(b.orderId(), worked(s), b.pending());
                        settle(s.getId(), b.orderId());
                        settled++;
                    } catch (RuntimeException e) {
                        // one claim that cannot be settled must not hold up the others; it is tried again next run
                        LOG.error("Attendance claimed on session {} for order {} could not be credited", s.getId(),
                                b.orderId(), e);
                    }
                }
            }
        }
        if (firstRun) {
            unmarkedClaimsChecked = true;
        }
        return settled;
    }

    private void settle(String sessionId, String orderId) {
        Conflicts.retry(() -> {
            Session s = store.findById(sessionId, Session.class);
            Booking b = s.booking(orderId);
            if (b != null && b.pending() != null) {
                s.recordOutcome(b.settled());
                store.save(s);
            }
            return s;
        });
    }

    private static WorkedSession worked(Session session) {
        return new WorkedSession(session.getId(), session.getDate(), session.getProjectCode(),
                session.getProjectType(), session.isEte(), session.getAreaCode(), session.lengthMinutes());
    }

    /**
     * The outcome asked for is already recorded: the same outcome is a retry of a request whose answer was lost (its
     * instance died after the session's write, and the retry took its Idempotency-Key over, ADR 0012), so it
     * finishes what that request left (an uncredited claim) and answers with the order, changing nothing else;
     * another outcome is refused (409).
     */
    private Order recordedAlready(Session session, String orderId, Booking booking, AttendanceOutcome outcome) {
        if (booking.outcome() != outcome) {
            throw alreadyRecorded(session.getId(), orderId, booking);
        }
        if (booking.pending() != null) {
            orders.credit(orderId, worked(session), booking.pending());
            settle(session.getId(), orderId);
        }
        return orders.get(orderId);
    }

    private static Conflict alreadyRecorded(String sessionId, String orderId, Booking booking) {
        return new Conflict("Attendance for order " + orderId + " at session " + sessionId
                + " is already recorded as " + booking.outcome());
    }

    /** Withdraws the session's instructions: one work sent home per person booked, and their places freed. */
    public StandDown standDown(String sessionId, StandDownReason reason) {
        StandDown done = Conflicts.retry(() -> {
            Session s = get(sessionId);
            if (store.alreadyApplied(s)) {
                return new StandDown(s, s.getSentHome());
            }
            refuseIfStoodDown(s);
            List<Booking> freed = s.standDown(reason, events);
            return new StandDown(store.save(s), freed);
        });
        Session s = done.session();
        metrics.standDown(s.getAreaCode(), s.getProjectType().name(), reason.name());
        if (!done.sentHome().isEmpty()) {
            metrics.sentHome(s.getAreaCode(), s.getProjectType().name(), reason.name(), done.sentHome().size());
        }
        return done;
    }

    /** The sessions on which the order is booked or was stood down, by date (subject access, erasure). */
    public List<Session> ofOrders(java.util.Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(new Criteria().orOperator(where("bookings.orderId").in(orderIds),
                where("sentHome.orderId").in(orderIds))).with(Sort.by("date", "startTime", "_id")), Session.class);
    }

    /**
     * The erased order leaves every session it was on: its bookings and stand-down entries go, each kept only as an
     * anonymous headcount so past figures do not change. Returns how many sessions changed; safe to run again.
     */
    public int forget(String orderId) {
        int changed = 0;
        for (Session found : ofOrders(List.of(orderId))) {
            boolean forgotten = Conflicts.retry(() -> {
                Session s = store.findById(found.getId(), Session.class);
                if (s == null || !s.forget(orderId)) {
                    return false;
                }
                store.save(s);
                return true;
            });
            if (forgotten) {
                changed++;
            }
        }
        return changed;
    }

    public record StandDown(Session session, List<Booking> sentHome) {
    }

    /** What a sessions list asks for: dates inclusive; a null area or project does not filter. */
    public record Search(LocalDate from, LocalDate to, String areaCode, String projectCode) {
    }

    /** Sessions in the caller's areas, in the order they run: date, then start time. */
    public List<Session> find(Search search, int page, int size) {
        return mongo.find(filter(search).with(Sort.by("date", "startTime", "_id")).skip((long) page * size)
                .limit(size), Session.class);
    }

    public long count(Search search) {
        return mongo.count(filter(search), Session.class);
    }

    /** Sessions in an area between two dates, in the order they run; none for an area outside the caller's. */
    public List<Session> inArea(String areaCode, LocalDate from, LocalDate to, int page, int size) {
        return find(new Search(from, to, areaCode, null), page, size);
    }

    public long countInArea(String areaCode, LocalDate from, LocalDate to) {
        return count(new Search(from, to, areaCode, null));
    }

    /** Every session in the area and dates, for the per-day totals. */
    public List<Session> allInArea(String areaCode, LocalDate from, LocalDate to) {
        return mongo.find(filter(new Search(from, to, areaCode, null)), Session.class);
    }

    private static Query filter(Search search) {
        List<Criteria> all = new ArrayList<>();
        // the days by equality, so the date index serves the list (the API asks for at most 92 days)
        if (java.time.temporal.ChronoUnit.DAYS.between(search.from(), search.to()) <= MAX_DAYS_BY_INDEX) {
            all.add(where("date").in(days(search.from(), search.to())));
        } else {
            all.add(where("date").gte(search.from()).lte(search.to()));
        }
        Set<String> reach = Reach.areaFilter();
        if (reach != null) {
            all.add(where("areaCode").in(reach));
        }
        if (search.areaCode() != null) {
            all.add(where("areaCode").is(search.areaCode()));
        }
        if (search.projectCode() != null) {
            all.add(where("projectCode").is(search.projectCode()));
        }
        return new Query(new Criteria().andOperator(all));
    }

    /** Longer date ranges are asked for as a range, which reads every session. */
    private static final int MAX_DAYS_BY_INDEX = 366;

    /** Every day from {@code from} to {@code to}, both included. */
    static List<LocalDate> days(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static void refuseIfStoodDown(Session s) {
        if (s.isStoodDown()) {
            throw new Conflict("Session " + s.getId() + " was stood down (" + s.getStandDownReason() + ")");
        }
    }

    private static void refuse(String detail, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolated(detail,
                    problems.stream().map(p -> new Violation(p.field(), p.message())).toList());
        }
    }
}
