package uk.probation.gate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.probation.gate.infra.stack.StackComponent;

/**
 * Three rounds of the fault suite on the cheapest shape that still has a broker and a partition leader to lose: a
 * three-broker KRaft cluster, one instance of each service, no web app; one round of each fault kind. Nothing an
 * accepted command caused may be lost or doubled, no command may stay unanswered or refused, no dead letters, lag
 * back to zero. Afterwards, on the same running system: the cluster has the shape {@code --brokers=3} promises (three
 * KRaft nodes, every topic of the services on three replicas of which two must be in sync, and the killed brokers
 * back in every in-sync replica set), and the checks themselves are shown to see a doubled and a missing effect, so a
 * green run means something.
 */
class FaultInjectionIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void threeRoundsOneOfEachFaultLoseNothingAndDoubleNothing() throws Exception {
        FaultOptions options = FaultOptions.parse("--rounds=3", "--brokers=3", "--instances=1", "--clients=4",
                "--seed=1313", "--faults=service,broker,leader", "--load-seconds=2", "--deadline-seconds=120",
                "--report-dir=target/fault-injection-it",
                // one service is killed once, before any archive would be trained: training is CPU for nothing
                "--archive-training=false");
        AtomicReference<Checker.Verdict> probe = new AtomicReference<>();
        AtomicReference<ClusterShape> shape = new AtomicReference<>();

        Report.Run run = FaultInjection.run(options, System.out, (cluster, api, observer, load) -> {
            shape.set(ClusterShape.of(cluster.bootstrapServers()));
            probe.set(probeTheChecks(api, observer, load));
        });
        Path report = FaultInjection.write(run, options.reportDir());

        String why = "report " + report.toAbsolutePath() + ":\n" + Files.readString(report);
        assertThat(run.rounds()).as(why).extracting(RoundResult::kind)
                .containsExactly(FaultKind.SERVICE, FaultKind.BROKER, FaultKind.LEADER);
        assertThat(run.rounds()).as(why).allSatisfy(round -> {
            assertThat(round.commands()).isPositive();
            assertThat(round.verdict().checked()).isPositive();
            assertThat(round.supervisorRestarts()).as("the supervisor restarted the killed JVM").isEqualTo(1);
        });
        assertThat(run.lost()).as(why).isZero();
        assertThat(run.duplicated()).as(why).isZero();
        assertThat(run.stuck()).as(why).isZero();
        assertThat(run.refused()).as(why).isZero();
        assertThat(run.deadLetterGrowth()).as(why).isZero();
        assertThat(run.rounds()).as(why).allMatch(RoundResult::caughtUp);
        assertThat(run.lagAtEnd().values()).as(why).allMatch(lag -> lag == 0);
        assertThat(run.passed()).as(why).isTrue();

        ClusterShape cluster = shape.get();
        assertThat(cluster.nodeIds()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(cluster.topics()).as("the services' topics").containsAll(ClusterShape.SERVICE_TOPICS);
        assertThat(cluster.replicas()).as("replicas of each partition").allSatisfy((partition, replicas) ->
                assertThat(replicas).as(partition).isEqualTo(3));
        assertThat(cluster.inSync()).as("in-sync replicas of each partition, the killed brokers back among them")
                .allSatisfy((partition, inSync) -> assertThat(inSync).as(partition).isEqualTo(3));
        assertThat(cluster.minInSync()).as("min.insync.replicas of each topic").allSatisfy((topic, min) ->
                assertThat(min).as(topic).isEqualTo("2"));

        Checker.Verdict probed = probe.get();
        assertThat(probed.duplicated()).as("a second reception naming the same officer is seen as a doubled message")
                .extracting(m -> m.effect().what())
                .contains("resettlement.prisoner.received to officer", "messages");
        assertThat(probed.lost()).as("a case that was never opened is seen as lost")
                .extracting(m -> m.effect().subject()).containsExactly("no-such-case");
    }

    /**
     * Takes a finished reception chain and makes the system do one thing twice (another reception naming the same
     * officer: a second message to them) and expects one thing that never happened (a case nobody opened).
     */
    private static Checker.Verdict probeTheChecks(Api api, Observer observer, Load load) {
        Chain chain = load.chains().stream()
                .filter(c -> c.kind == Chain.Kind.RESETTLEMENT && c.stoppedBecause == null).findFirst()
                .orElseThrow(() -> new AssertionError("no finished reception chain"));
        Instant since = Instant.now().minus(Duration.ofHours(1));
        Map<Effect, Integer> expected = new LinkedHashMap<>(chain.expected);
        Effect never = new Effect("resettlement", "timeline RECEIVED", "no-such-case");
        expected.put(never, 1);
        Command again = api.send("reception", "POST", StackComponent.RESETTLEMENT, 0, "/api/cases", "caseworker",
                Map.of("prisonNumber", load.prisonNumber(99_999), "prisonCode", "NMI", "receivedOn",
                        LocalDate.now().toString(), "sex", "MALE", "riskOfSeriousHarm", "MEDIUM",
                        "responsibleOfficerCode", chain.officer), "fi-probe-reception");
        assertThat(again.accepted()).as(again.describe()).isTrue();
        Effect told = new Effect("notifications", "resettlement.prisoner.received to officer", chain.officer);
        Effect mail = new Effect("mail", "messages", chain.officerMailbox());
        Instant giveUpAt = Instant.now().plusSeconds(60);
        Map<Effect, Integer> observed = observer.observe(expected.keySet(), since);
        while ((observed.getOrDefault(told, 0) <= expected.get(told)
                || observed.getOrDefault(mail, 0) <= expected.get(mail)) && Instant.now().isBefore(giveUpAt)) {
            Api.sleep(500);
            observed = observer.observe(List.of(told, mail), since);
        }
        Map<Effect, Integer> all = new LinkedHashMap<>(observer.observe(expected.keySet(), since));
        return Checker.check(expected, all, chain.causes);
    }
}
