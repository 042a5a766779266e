package uk.probation.gate.contracts.reference;

import java.util.List;
import java.util.Optional;

/**
 * The one list of codes the services share: the prisons (HMPPS agency ids), the probation delivery areas and the
 * supply-chain providers with the needs each meets (inspection report, Annex 3). Producers seed and validate from
 * here and consumers (notifications' names, recipients) read the same codes, so the two cannot drift apart. Names
 * are for screens and messages only and never go on the bus.
 */
public final class ReferenceData {

    /**
     * A prison; {@code resettlement} when it runs Through the Gate (resettlement-service's configured list), {@code
     * womens} for the women's estate.
     */
    public record Prison(String code, String name, boolean resettlement, boolean womens) {
    }

    /** A probation delivery unit area, as carried in the {@code areas} claim and on orders. */
    public record Area(String code, String name) {
    }

    /** A supply-chain provider and the resettlement needs (pathway codes) it meets. */
    public record Provider(String code, String name, List<String> needs) {
        public boolean meets(String need) {
            return needs.contains(need);
        }
    }

    public static final List<Prison> PRISONS = List.of(
            new Prison("NMI", "HMP Nottingham", true, false),
            new Prison("LCI", "HMP Leicester", true, false),
            new Prison("RNI", "HMP Ranby", true, false),
            new Prison("LGI", "HMP Lowdham Grange", true, false),
            new Prison("GTI", "HMP Gartree", true, false),
            new Prison("SKI", "HMP Stocken", true, false),
            new Prison("SUI", "HMP Sudbury", true, false),
            new Prison("FHI", "HMP Foston Hall", true, true),
            // where people are transferred out to: named in messages, no Through the Gate case there
            new Prison("WTI", "HMP Whatton", false, false),
            new Prison("NSI", "HMP North Sea Camp", false, false),
            new Prison("ONI", "HMP Onley", false, false),
            new Prison("DGI", "HMP Dovegate", false, false),
            new Prison("WHI", "HMP Woodhill", false, false),
            new Prison("BMI", "HMP Birmingham", false, false),
            new Prison("LEI", "HMP Leeds", false, false),
            new Prison("PVI", "HMP Pentonville", false, false));

    public static final List<Area> AREAS = List.of(
            new Area("N53DER", "Derbyshire"),
            new Area("N53LEI", "Leicestershire"),
            new Area("N53NOT", "Nottinghamshire"),
            new Area("N53RUT", "Rutland"));

    public static final List<Provider> PROVIDERS = List.of(
            new Provider("INGEUS", "Ingeus", List.of("EDUCATION_SKILLS_AND_WORK")),
            new Provider("CHANGE_GROW_LIVE", "Change Grow Live",
                    List.of("DRUGS_AND_ALCOHOL", "ATTITUDES_THINKING_AND_BEHAVIOUR")),
            new Provider("NEW_DAWN_NEW_DAY", "New Dawn New Day",
                    List.of("ABUSE_VICTIM_SUPPORT", "CHILDREN_FAMILIES_AND_COMMUNITY")),
            new Provider("WOMENS_WORK", "Women's Work", List.of("ABUSE_VICTIM_SUPPORT")),
            new Provider("NOTTINGHAM_WOMENS_CENTRE", "Nottingham Women's Centre", List.of("ABUSE_VICTIM_SUPPORT")),
            new Provider("CHANGING_LIVES", "Changing Lives", List.of("ABUSE_VICTIM_SUPPORT")),
            new Provider("ST_GILES_TRUST", "St Giles Trust", List.of("FINANCE_AND_ID")),
            new Provider("SOVA", "Sova", List.of("CHILDREN_FAMILIES_AND_COMMUNITY")),
            new Provider("USER_VOICE", "User Voice", List.of()),
            new Provider("IN_HOUSE_HOUSING", "In-house housing and welfare specialists", List.of("ACCOMMODATION")));

    private ReferenceData() {
    }

    public static Optional<Prison> prison(String code) {
        return PRISONS.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public static Optional<Area> area(String code) {
        return AREAS.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public static Optional<Provider> provider(String code) {
        return PROVIDERS.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
