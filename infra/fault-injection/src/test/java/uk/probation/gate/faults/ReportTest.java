package uk.probation.gate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report names the shape, the seed, the figures the issue asks for, recovery per fault, and every problem. */
class ReportTest {

    private static final Instant AT = Instant.parse("2026-11-27T16:00:00Z");

    @Test
    void aCleanRunPassesWithItsFiguresAndRecoveryTimes() {
        Report.Run run = run(List.of(round(1, FaultKind.SERVICE, 20, clean()), round(2, FaultKind.BROKER, 12, clean()),
                round(3, FaultKind.LEADER, 30, clean()), round(4, FaultKind.SERVICE, 40, clean())), 0);

        String report = Report.markdown(run);

        assertThat(run.passed()).isTrue();
        assertThat(report).contains("# Fault injection: 4 rounds", "**PASS**", "| seed | 99 |",
                "| shape | 3 brokers, 2 instances of each service |",
                "2 service instance, 1 broker, 1 partition leader", "| lost | 0 |", "| duplicated | 0 |",
                "| stuck (no 2xx within the deadline) | 0 |", "| effects checked | 40 |",
                "| service instance | 2 | 20.0 / 20.0 / 40.0 |", "| all | 4 | 12.0 / 20.0 / 40.0 |", "None.");
    }

    @Test
    void aLostOrDoubledEffectOrAStuckCommandFailsTheRunAndIsListedWithItsCommand() {
        Effect told = new Effect("notifications", "resettlement.prisoner.received to officer", "FIAA7");
        Checker.Verdict doubled = new Checker.Verdict(10, List.of(), List.of(new Checker.Mismatch(told, 1, 2,
                "POST /api/cases [fi-A1007AA-reception]")));
        Command stuck = new Command("order", "POST", "/api/orders", "fi-A100007-order", Command.Result.STUCK, 40, 409,
                "HTTP 409 (A request with this Idempotency-Key is in progress)", AT, AT.plusSeconds(180), null);
        RoundResult failed = new RoundResult(2, FaultKind.SERVICE, "community-payback-service#2", Duration.ofSeconds(2),
                Duration.ofSeconds(20), Duration.ofSeconds(30), true, 5, 30, 29, 3, doubled, List.of(stuck), List.of(),
                0, 0, 1);

        Report.Run run = run(List.of(round(1, FaultKind.BROKER, 10, clean()), failed), 0);
        String report = Report.markdown(run);

        assertThat(run.passed()).isFalse();
        assertThat(run.duplicated()).isEqualTo(1);
        assertThat(run.stuck()).isEqualTo(1);
        assertThat(report).contains("**FAIL**", "| duplicated | 1 |", "Round 2 (service, killed community-payback-service#2)",
                "DUPLICATED notifications: resettlement.prisoner.received to officer of FIAA7: expected 1, observed 2 "
                        + "(POST /api/cases [fi-A1007AA-reception])",
                "STUCK POST /api/orders (Idempotency-Key fi-A100007-order): STUCK after 40 attempt(s)");
    }

    @Test
    void aRunStillGoingSaysSoAndHowManyRoundsItHasDone() {
        Report.Run done = run(List.of(round(1, FaultKind.BROKER, 12, clean())), 0);
        Report.Run soFar = new Report.Run(done.shape(), done.seed(), done.clients(), done.startedAt(),
                done.stackStart(), done.took(), done.rounds(), done.deadLettersAtStart(), done.deadLettersAtEnd(),
                done.lagAtEnd(), done.commandsByResult(), done.commandsByKind(), done.dataDir(), null,
                done.command(), 100, false);

        assertThat(Report.markdown(soFar)).contains("# Fault injection: 1 rounds so far (in progress",
                "| rounds | 1 of 100 asked (in progress) |");
        assertThat(Report.markdown(done)).doesNotContain("in progress");
    }

    @Test
    void deadLettersFailTheRun() {
        RoundResult withDeadLetter = new RoundResult(1, FaultKind.LEADER, "broker 2", Duration.ofSeconds(1),
                Duration.ofSeconds(9), Duration.ofSeconds(12), true, 3, 20, 20, 0, clean(), List.of(), List.of(), 1,
                0, 1);

        assertThat(run(List.of(withDeadLetter), 0).passed()).isFalse();
        assertThat(Report.markdown(run(List.of(withDeadLetter), 0))).contains("DEAD LETTERS +1");
    }

    private static Checker.Verdict clean() {
        return new Checker.Verdict(10, List.of(), List.of());
    }

    private static RoundResult round(int n, FaultKind kind, int readySeconds, Checker.Verdict verdict) {
        return new RoundResult(n, kind, "target", Duration.ofSeconds(2), Duration.ofSeconds(readySeconds),
                Duration.ofSeconds(readySeconds + 5), true, 4, 28, 28, 1, verdict, List.of(), List.of(), 0, 0, 1);
    }

    private static Report.Run run(List<RoundResult> rounds, long lag) {
        return new Report.Run("3 brokers, 2 instances of each service", 99, 6, AT, Duration.ofSeconds(60),
                Duration.ofMinutes(5), rounds, Map.of("resettlement-service.dlt", 0L),
                Map.of("resettlement-service.dlt", 0L), Map.of("referral-service", lag),
                Map.of(Command.Result.ACCEPTED, 100L), Map.of("reception", 20L), "/tmp/x", null,
                "benchmarks/faults.sh --seed=99", rounds.size(), true);
    }
}
