package uk.probation.gate.web.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.api.RecordNotFound;

/**
 * The ops viewer's outcomes page: the headline figures (homeless and no work on release by prison and by sex;
 * sent-home share and positive completion against the target by area and by sex), each table downloadable as CSV
 * with the same figures, and links to the Grafana dashboards. Only codes and counts: no person identifiers.
 */
@Controller
@PreAuthorize("hasAnyRole('OPS_VIEWER', 'ADMIN')")
class OutcomesPage {

    /** A Grafana dashboard provisioned from infra/grafana/dashboards, by uid. */
    public record Dashboard(String title, String href, String about) {
    }

    /** A headline figure over everyone counted. */
    public record Headline(String label, String value, String detail) {
    }

    private static final List<String> TABLES = List.of("releases-by-prison", "releases-by-sex",
            "unpaid-work-by-area", "unpaid-work-by-sex");

    private final OutcomeFigures figures;
    private final MessageSource messages;
    private final WebProperties properties;

    OutcomesPage(OutcomeFigures figures, MessageSource messages, WebProperties properties) {
        this.figures = figures;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/outcomes")
    String outcomes(Model model) {
        List<OutcomeFigures.Releases> releasesBySex = figures.releases("sex");
        List<OutcomeFigures.UnpaidWork> unpaidWorkBySex = figures.unpaidWork("sex");
        model.addAttribute("headlines", headlines(releasesBySex, unpaidWorkBySex));
        model.addAttribute("releaseTables", List.of(releasesByPrison(figures.releases("prison")),
                releasesBySex(releasesBySex)));
        model.addAttribute("unpaidWorkTables", List.of(unpaidWorkByArea(figures.unpaidWork("area")),
                unpaidWorkBySex(unpaidWorkBySex)));
        String grafana = properties.grafanaUrl().replaceAll("/+$", "");
        model.addAttribute("dashboards", List.of(
                new Dashboard("Resettlement outcomes", grafana + "/d/ttg-resettlement",
                        "accommodation and work on release by prison and sex, plans completed on time"),
                new Dashboard("Unpaid work", grafana + "/d/ttg-unpaid-work",
                        "hours credited, sessions sent home, positive completion against the target"),
                new Dashboard("Referrals to providers", grafana + "/d/ttg-referrals",
                        "time to accept, declines and outcomes by provider and need"),
                new Dashboard("Platform health", grafana + "/d/ttg-platform",
                        "events, outbox lag and HTTP errors of every service")));
        return "ops/outcomes";
    }

    /** The same table as on the page, as a CSV file. */
    @GetMapping("/outcomes/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table) {
        if (!TABLES.contains(table)) {
            throw new RecordNotFound("no table " + table);
        }
        Supplier<FigureTable> build = switch (table) {
            case "releases-by-prison" -> () -> releasesByPrison(figures.releases("prison"));
            case "releases-by-sex" -> () -> releasesBySex(figures.releases("sex"));
            case "unpaid-work-by-area" -> () -> unpaidWorkByArea(figures.unpaidWork("area"));
            default -> () -> unpaidWorkBySex(figures.unpaidWork("sex"));
        };
        FigureTable figures = build.get();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(figures.fileName()).build().toString())
                .body(figures.csv().getBytes(StandardCharsets.UTF_8));
    }

    private List<Headline> headlines(List<OutcomeFigures.Releases> releases,
            List<OutcomeFigures.UnpaidWork> unpaidWork) {
        long released = releases.stream().mapToLong(OutcomeFigures.Releases::released).sum();
        long homeless = releases.stream().mapToLong(OutcomeFigures.Releases::homeless).sum();
        long noWork = releases.stream().mapToLong(OutcomeFigures.Releases::noWork).sum();
        long booked = unpaidWork.stream().mapToLong(OutcomeFigures.UnpaidWork::sessionsBooked).sum();
        long sentHome = unpaidWork.stream().mapToLong(OutcomeFigures.UnpaidWork::sentHomeServiceIssue).sum();
        long completed = unpaidWork.stream().mapToLong(OutcomeFigures.UnpaidWork::completed).sum();
        long within = unpaidWork.stream().mapToLong(OutcomeFigures.UnpaidWork::completedWithin12Months).sum();
        double target = unpaidWork.stream().mapToDouble(OutcomeFigures.UnpaidWork::targetShare).findFirst()
                .orElse(0.9);
        return List.of(
                new Headline("Homeless on release", share(homeless, released),
                        homeless + " of " + released + " people released had no fixed abode"),
                new Headline("No work on release", share(noWork, released),
                        noWork + " of " + released + " people released had no work, education or training"),
                new Headline("Sent home by the service", share(sentHome, booked),
                        sentHome + " of " + booked + " unpaid work places booked were sent home or stood down"),
                new Headline("Positive completion", share(within, completed),
                        within + " of " + completed + " completed orders finished within 12 months (target "
                                + percent(target) + ")"));
    }

    private FigureTable releasesByPrison(List<OutcomeFigures.Releases> items) {
        return new FigureTable("releases-by-prison", "Releases by prison", releaseHeaders("Prison"),
                items.stream().map(r -> releaseRow(label("prison." + r.prisonCode(), r.prisonCode()), r)).toList());
    }

    private FigureTable releasesBySex(List<OutcomeFigures.Releases> items) {
        return new FigureTable("releases-by-sex", "Releases by sex", releaseHeaders("Sex"),
                items.stream().map(r -> releaseRow(label("sex." + r.sex(), r.sex()), r)).toList());
    }

    private static List<String> releaseHeaders(String group) {
        return List.of(group, "Released", "No fixed abode", "Homeless on release",
                "No work, education or training", "No work on release");
    }

    private static List<String> releaseRow(String group, OutcomeFigures.Releases r) {
        return List.of(group, String.valueOf(r.released()), String.valueOf(r.homeless()),
                percent(r.homelessShare()), String.valueOf(r.noWork()), percent(r.noWorkShare()));
    }

    private FigureTable unpaidWorkByArea(List<OutcomeFigures.UnpaidWork> items) {
        return new FigureTable("unpaid-work-by-area", "Unpaid work by area", unpaidWorkHeaders("Area"),
                items.stream().map(u -> unpaidWorkRow(label("unpaidWork.area." + u.areaCode(), u.areaCode()), u))
                        .toList());
    }

    private FigureTable unpaidWorkBySex(List<OutcomeFigures.UnpaidWork> items) {
        return new FigureTable("unpaid-work-by-sex", "Unpaid work by sex", unpaidWorkHeaders("Sex"),
                items.stream().map(u -> unpaidWorkRow(label("sex." + u.sex(), u.sex()), u)).toList());
    }

    private static List<String> unpaidWorkHeaders(String group) {
        return List.of(group, "Orders", "Places booked", "Sent home", "Sent-home share", "Completed",
                "Within 12 months", "Positive completion", "Target");
    }

    private static List<String> unpaidWorkRow(String group, OutcomeFigures.UnpaidWork u) {
        String against = u.positiveCompletionShare() == null ? "No completions"
                : (u.positiveCompletionShare() >= u.targetShare() ? "Meets " : "Below ") + percent(u.targetShare());
        return new ArrayList<>(List.of(group, String.valueOf(u.orders()), String.valueOf(u.sessionsBooked()),
                String.valueOf(u.sentHomeServiceIssue()), percent(u.sentHomeShare()), String.valueOf(u.completed()),
                String.valueOf(u.completedWithin12Months()), percent(u.positiveCompletionShare()), against));
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "No data yet" : percent((double) part / whole);
    }

    static String percent(Double share) {
        if (share == null) {
            return "None";
        }
        String value = String.format(Locale.UK, "%.1f", share * 100);
        return (value.endsWith(".0") ? value.substring(0, value.length() - 2) : value) + "%";
    }

    private String label(String code, String raw) {
        if (raw == null) {
            return "Not recorded";
        }
        return messages.getMessage(code, null, raw, Locale.UK);
    }
}
