package uk.probation.gate.web.backgroundwork;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.probation.gate.web.api.ApiProblem;
import uk.probation.gate.web.api.ServiceUnavailable;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.BackgroundWork;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.Lease;
import uk.probation.gate.web.backgroundwork.BackgroundWorkApi.Replayed;
import uk.probation.gate.web.api.Service;
import uk.probation.gate.web.forms.FormErrors;

/**
 * Admin > Background work: per service, which instance holds each single-writer job's lease and until when (ADR
 * 0012), what waits in the outbox, how many dead letters wait, and "Replay dead letters" (the service refuses with
 * 409 while another instance is replaying: shown in the error summary).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BackgroundWorkPage {

    /** Leases live for seconds: times to the second, in UK time like every other page. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** The jobs the services hold leases for, in words; another name is shown as it is. */
    private static final Map<String, String> JOBS = Map.of(
            "outbox-sweep", "Publishing waiting events (outbox sweep)",
            "dead-letter-replay", "Dead-letter replay",
            "retention", "Retention purge",
            "referral-escalation", "Referral escalation",
            "attendance-recovery", "Attendance recovery");

    /** A lease as the page shows it; {@code thisInstance} when the instance that answered holds it. */
    public record Job(String name, String job, boolean running, String holder, boolean thisInstance, String since,
            String until) {
    }

    /**
     * One service's background work, or {@code answered} false with {@code unanswered} saying why (not answering,
     * or answered with an error).
     */
    public record ServiceWork(String id, String label, boolean answered, String unanswered, String answeredBy,
            String at, List<Job> jobs, long waitingRecords, String oldestWaiting, long deadLetters) {
    }

    private final BackgroundWorkApi api;

    BackgroundWorkPage(BackgroundWorkApi api) {
        this.api = api;
    }

    @GetMapping("/admin/background-work")
    String backgroundWork(Model model) {
        List<ServiceWork> services = new ArrayList<>();
        for (Service service : Service.values()) {
            services.add(work(service));
        }
        model.addAttribute("services", services);
        // a refused replay, carried over the redirect: in the error summary, linked to that service's button
        if (model.getAttribute("replayProblem") instanceof String problem) {
            model.addAttribute("errors", FormErrors.none().add(model.getAttribute("replayProblemService") + "-replay",
                    problem));
        }
        return "backgroundwork/background-work";
    }

    @PostMapping("/admin/background-work/{serviceId}/dead-letters/replay")
    String replay(@PathVariable String serviceId, RedirectAttributes redirect) {
        Service service = Service.named(serviceId);
        try {
            Replayed result = api.replayDeadLetters(service);
            redirect.addFlashAttribute("success", "Replayed " + result.replayed()
                    + (result.replayed() == 1 ? " dead letter" : " dead letters") + " from " + result.topic());
        } catch (ServiceUnavailable unavailable) {
            problem(redirect, service, service.label() + " is not answering: no dead letters were replayed. Try again"
                    + " later.");
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            problem(redirect, service, problem.detail() != null ? problem.detail()
                    : "A dead-letter replay is running on another instance of " + service.label()
                    + ": nothing was replayed. Try again when it has finished.");
        }
        return "redirect:/admin/background-work#" + service.id();
    }

    private static void problem(RedirectAttributes redirect, Service service, String message) {
        redirect.addFlashAttribute("replayProblem", message);
        redirect.addFlashAttribute("replayProblemService", service.id());
    }

    private ServiceWork work(Service service) {
        BackgroundWork work;
        try {
            work = api.backgroundWork(service);
        } catch (ServiceUnavailable down) {
            return unanswered(service, service.label() + " is not answering: its background work cannot be shown."
                    + " Try again later.");
        } catch (ApiProblem refused) {
            return unanswered(service, service.label() + " did not show its background work (it answered "
                    + refused.status() + "). Try again later.");
        }
        if (work == null) {
            return unanswered(service, service.label() + " is not answering: its background work cannot be shown."
                    + " Try again later.");
        }
        List<Job> jobs = work.leases().stream().map(lease -> job(lease, work.answeredBy())).toList();
        long waiting = work.outbox().pendingAggregates();
        return new ServiceWork(service.id(), service.label(), true, null, instance(work.answeredBy()),
                when(work.at()), jobs, waiting,
                waiting == 0 ? "Nothing waiting" : age(work.outbox().oldestPendingSeconds()), work.deadLetters());
    }

    private static ServiceWork unanswered(Service service, String why) {
        return new ServiceWork(service.id(), service.label(), false, why, null, null, List.of(), 0, null, 0);
    }

    private static Job job(Lease lease, String answeredBy) {
        return new Job(lease.name(), jobInWords(lease.name()), lease.held(), instance(lease.holder()),
                lease.holder() != null && lease.holder().equals(answeredBy), when(lease.acquiredAt()),
                when(lease.expiresAt()));
    }

    /** outbox-sweep as "Publishing waiting events (outbox sweep)"; an unknown job as "Nightly check (nightly-check)". */
    static String jobInWords(String name) {
        if (name == null) {
            return "";
        }
        String known = JOBS.get(name);
        if (known != null) {
            return known;
        }
        String words = name.replace('-', ' ').replace('_', ' ');
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (" + name + ")";
    }

    /** "12345@host/8c1e...-uuid" as "12345@host (8c1e4f2a)": the process and host, and enough of its run id to tell restarts apart. */
    static String instance(String holder) {
        if (holder == null || holder.isBlank()) {
            return "Unknown";
        }
        int slash = holder.indexOf('/');
        if (slash < 0) {
            return holder;
        }
        String run = holder.substring(slash + 1);
        return holder.substring(0, slash) + " (" + (run.length() > 8 ? run.substring(0, 8) : run) + ")";
    }

    /** 0 "less than a second", 75 "1 minute and 15 seconds", 7260 "2 hours and 1 minute". */
    static String age(long seconds) {
        if (seconds <= 0) {
            return "Less than a second";
        }
        Duration d = Duration.ofSeconds(seconds);
        List<String> parts = new ArrayList<>();
        add(parts, d.toDays(), "day");
        add(parts, d.toHoursPart(), "hour");
        add(parts, d.toMinutesPart(), "minute");
        if (d.toHours() == 0) {
            add(parts, d.toSecondsPart(), "second");
        }
        return String.join(" and ", parts.size() > 2 ? parts.subList(0, 2) : parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    private static String when(Instant at) {
        return at == null ? "Not known" : TIME.format(at);
    }
}
