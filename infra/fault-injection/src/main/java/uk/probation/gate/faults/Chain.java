package uk.probation.gate.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's commands in order (a reception and what follows it, or an unpaid work order and what follows it) and
 * the effects its accepted commands must have. Filled by one client thread; read by the checks once it is finished.
 */
final class Chain {

    enum Kind { RESETTLEMENT, UNPAID_WORK }

    final Kind kind;
    final int round;
    final int client;
    final String prisonNumber;
    final String crn;
    final String officer;
    String caseId;
    String orderId;
    String sessionId;
    final List<Command> commands = new ArrayList<>();
    final Map<Effect, Integer> expected = new LinkedHashMap<>();
    final Map<Effect, String> causes = new LinkedHashMap<>();
    /** Why the chain stopped before its last step (a command not accepted, an effect it waited for not seen). */
    String stoppedBecause;

    Chain(Kind kind, int round, int client, String prisonNumber, String crn, String officer) {
        this.kind = kind;
        this.round = round;
        this.client = client;
        this.prisonNumber = prisonNumber;
        this.crn = crn;
        this.officer = officer;
    }

    synchronized void record(Command command) {
        commands.add(command);
    }

    /** An accepted command must cause {@code effect} exactly {@code times} (more) times. */
    synchronized void expect(Effect effect, int times, Command cause) {
        expected.merge(effect, times, Integer::sum);
        causes.merge(effect, cause.method() + " " + cause.path() + " [" + cause.idempotencyKey() + "]",
                (a, b) -> a + "; " + b);
    }

    /** An effect whose expected value is a quantity (e.g. minutes credited) rather than a number of records. */
    synchronized void expectValue(Effect effect, int value, Command cause) {
        expect(effect, value, cause);
    }

    String officerMailbox() {
        return officer.toLowerCase() + "@fi.example.org";
    }

    String personMailbox() {
        return crn.toLowerCase() + "@fi.example.org";
    }

    String name() {
        return kind + " " + (kind == Kind.RESETTLEMENT ? prisonNumber : crn) + " (round " + round + ", client "
                + client + ")";
    }
}
