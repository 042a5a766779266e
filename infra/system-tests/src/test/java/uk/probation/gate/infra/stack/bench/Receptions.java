package uk.probation.gate.infra.stack.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.probation.gate.platform.test.Http;

/**
 * The reception the run sends ({@code POST /api/cases}, api.md): spread over the eight resettlement prisons, women
 * at Foston Hall, the seeded responsible officer N01RO1 so every notification has a real recipient.
 */
final class Receptions {

    /** Busy local prisons take most receptions; Foston Hall (women) and the open prison fewer. */
    static final List<String> PRISONS = List.of("NMI", "NMI", "NMI", "LCI", "LCI", "RNI", "RNI", "LGI", "GTI", "SKI",
            "SUI", "FHI");

    private Receptions() {
    }

    static Map<String, Object> of(String prisonNumber, String crn, int n) {
        String prison = PRISONS.get(n % PRISONS.size());
        return Map.of("prisonNumber", prisonNumber, "crn", crn, "prisonCode", prison,
                "receivedOn", LocalDate.now().toString(), "expectedReleaseDate", LocalDate.now().plusMonths(4 + n % 20)
                        .toString(), "sex", prison.equals("FHI") ? "FEMALE" : "MALE",
                "riskOfSeriousHarm", List.of("LOW", "MEDIUM", "MEDIUM", "HIGH").get(n % 4),
                "responsibleOfficerCode", "N01RO1");
    }

    /** Sends one; throws unless it was created (201) or already there (200). */
    static void send(Http resettlement, String token, String prisonNumber, String crn, int n) {
        int status = resettlement.post("/api/cases", token, of(prisonNumber, crn, n)).status();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("reception answered HTTP " + status);
        }
    }
}
