package uk.probation.gate.platform.metrics;

import java.util.Set;
import java.util.stream.Collectors;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.reference.ReferenceData;

/**
 * Metric label values that come from input, checked against the known reference codes: anything else is counted as
 * {@value #OTHER}, so a typo or a hostile value can neither create a new time series nor put an identifier in a label.
 */
public final class Labels {

    public static final String OTHER = "other";
    private static final Set<String> PRISONS = ReferenceData.PRISONS.stream().map(p -> p.code())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> AREAS = ReferenceData.AREAS.stream().map(a -> a.code())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PROVIDERS = ReferenceData.PROVIDERS.stream().map(p -> p.code())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> EVENT_TYPES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(EventType.values()).map(EventType::type),
            java.util.stream.Stream.of("prison-offender-events.prisoner.received",
                    "prison-offender-events.prisoner.released"))
            .collect(Collectors.toUnmodifiableSet());

    private Labels() {
    }

    public static String prison(String code) {
        return known(code, PRISONS);
    }

    public static String area(String code) {
        return known(code, AREAS);
    }

    public static String provider(String code) {
        return known(code, PROVIDERS);
    }

    public static String eventType(String type) {
        return known(type, EVENT_TYPES);
    }

    /** The value when it is one of {@code known}, else {@value #OTHER}. */
    public static String known(String value, Set<String> known) {
        return value != null && known.contains(value) ? value : OTHER;
    }

    /** The name of an enum constant of {@code type} when the value is one, else {@value #OTHER}. */
    public static <E extends Enum<E>> String known(String value, Class<E> type) {
        if (value == null) {
            return OTHER;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return value;
            }
        }
        return OTHER;
    }
}
