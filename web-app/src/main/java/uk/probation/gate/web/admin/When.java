package uk.probation.gate.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as the pages say it, in UK time: "27 November 2026, 10:14". */
final class When {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private When() {
    }

    static String of(Instant at) {
        return at == null ? "Not known" : FORMAT.format(at);
    }
}
