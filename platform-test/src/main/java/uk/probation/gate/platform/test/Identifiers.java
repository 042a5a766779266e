package uk.probation.gate.platform.test;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, well-formed person identifiers, so scenarios sharing a broker and a store never see each other's data. */
public final class Identifiers {

    private Identifiers() {
    }

    /** A prison (NOMS) number like A1234BC. */
    public static String prisonNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + letter(random) + (1000 + random.nextInt(9000)) + letter(random) + letter(random);
    }

    /** A case reference number like X123456. */
    public static String crn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + letter(random) + (100000 + random.nextInt(900000));
    }

    private static char letter(ThreadLocalRandom random) {
        return (char) ('A' + random.nextInt(26));
    }
}
