package uk.probation.gate.resettlement.caseload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * England and Wales bank holidays from the published GOV.UK list ({@code https://www.gov.uk/bank-holidays.json}),
 * shipped as a resource: replace the file with the newer download before it runs out (a test fails a year ahead).
 */
public final class BankHolidays {

    public static final String DIVISION = "england-and-wales";

    private BankHolidays() {
    }

    public static Set<LocalDate> englandAndWales(Resource resource, JsonMapper json) {
        try (InputStream in = resource.getInputStream()) {
            JsonNode events = json.readTree(in).path(DIVISION).path("events");
            Set<LocalDate> dates = new LinkedHashSet<>();
            events.forEach(e -> dates.add(LocalDate.parse(e.get("date").asString())));
            if (dates.isEmpty()) {
                throw new IllegalStateException("No " + DIVISION + " bank holidays in " + resource);
            }
            return dates;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holidays from " + resource, e);
        }
    }
}
