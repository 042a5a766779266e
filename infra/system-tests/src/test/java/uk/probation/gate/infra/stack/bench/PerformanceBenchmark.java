package uk.probation.gate.infra.stack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import uk.probation.gate.infra.stack.LocalStack;
import uk.probation.gate.infra.stack.RunningStack;
import uk.probation.gate.infra.stack.StackComponent;
import uk.probation.gate.infra.stack.StackOptions;
import uk.probation.gate.platform.test.Http;

/**
 * Issue #14's benchmark: one run of the whole local stack, measured against the machine's own limits in the same
 * run; writes {@code benchmarks/performance-<yyyyMMdd-HHmmss>.md}. Run with {@code benchmarks/run.sh} (options in
 * {@link BenchOptions}); never part of the test suite.
 */
public final class PerformanceBenchmark {

    private PerformanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Report report = new Report(options.reportDir().toAbsolutePath().resolve("performance-" + stamp + ".md"),
                options.command());
        report.context("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared with other builds, so "
                + "absolute figures drift; every goal is a ratio or a bound measured in this run); Java "
                + System.getProperty("java.version") + "; the local stack on random ports: Kafka (KRaft, 1 broker) from "
                + "jars, the Mongo wire server on H2 files, the auth server, the four services, the web app.");
        report.context("");
        report.context("Run size: " + options.smallPeople() + " then " + options.people() + " people stored; "
                + options.receptions() + " receptions per closed-loop phase from " + options.clients() + " clients; "
                + options.pageRequests() + " requests per page; " + options.overheadEvents()
                + " events for the messaging overhead; " + options.idleSeconds() + " s idle CPU sample.");
        report.context("");
        System.out.println("[bench] report: " + report.file());
        Instant asked = Instant.now();
        try (RunningStack stack = LocalStack.start(StackOptions.defaults().withRandomPorts().withTemporaryDataDir()
                .withStartupTimeout(Duration.ofSeconds(600)).withSupervision(false))) {
            report.figure("stack", "whole stack started (all components ready)",
                    Duration.between(asked, Instant.now()).toSeconds() + " s");
            // the stack trains each JVM's class-data archive in the background after its first start (ADR 0014):
            // nothing is measured while that takes CPU
            Instant training = Instant.now();
            stack.awaitArchivesTrained(Duration.ofMinutes(5));
            report.figure("stack", "class-data archives trained after the first start (nothing measured meanwhile)",
                    Duration.between(training, Instant.now()).toSeconds() + " s");
            new PerformanceBenchmark.Run(stack, options, report).all();
        } catch (Exception | Error e) {
            String why = String.valueOf(e.getMessage());
            report.stoppedEarly(e.getClass().getSimpleName() + ": " + why.lines().findFirst().orElse(""));
            throw e;
        } finally {
            report.figure("run", "whole run took", Duration.between(asked, Instant.now()).toMinutes() + " min "
                    + Duration.between(asked, Instant.now()).toSecondsPart() + " s");
            if (!report.stopped()) {
                report.finish();
            }
            System.out.println("[bench] report written to " + report.file());
        }
    }

    /** The sections in order, sharing the clients they need. */
    private static final class Run {

        private final RunningStack stack;
        private final BenchOptions options;
        private final Report report;
        private final ClientTokens tokens;
        private final Footprint footprint;
        private StoreLimits.Result store;

        Run(RunningStack stack, BenchOptions options, Report report) {
            this.stack = stack;
            this.options = options;
            this.report = report;
            this.tokens = new ClientTokens(stack);
            this.footprint = new Footprint(stack);
        }

        void all() throws Exception {
            startTimes("with an empty store, first start: no class-data archive yet");
            String bootstrap = stack.kafkaBootstrapServers();
            try (MongoClient mongo = MongoClients.create(stack.mongoUri("admin"));
                    ConsumerGroups groups = new ConsumerGroups(bootstrap);
                    EventWatch events = new EventWatch(bootstrap)) {
                limits(bootstrap);
                Http resettlement = new Http(stack.baseUrl(StackComponent.RESETTLEMENT).toString());
                ReceptionLoad load = new ReceptionLoad(resettlement, tokens);
                SystemRun system = new SystemRun(events, groups, new EffectTimes(mongo));

                step("template people through the real APIs");
                TemplatePeople templates = new TemplatePeople(stack, tokens, mongo, groups);
                List<Bundle> bundles = templates.make();
                bundles.forEach(b -> report.note("Seed template '" + b.kind() + "': " + b.documents()
                        + " documents (" + b.shape() + ")."));
                templates.notes().forEach(n -> report.note("Template note: " + n));
                report.note("Seeded copies are left as the services' hourly retention jobs would have left them by now "
                        + "(their default periods): no delivery-log entry older than two years; entries sent or failed "
                        + "more than two weeks ago without their rendered subject and body; every person's copy in "
                        + "referral-service already looked at by its sweep, due again within 30 days. Copied as the "
                        + "templates were made, years-old data would be waiting for work those jobs never did, and "
                        + "their first runs after the load would be what the idle minute measures.");
                PeopleSeeder seeder = new PeopleSeeder(mongo, bundles);
                ServicePause pause = new ServicePause(stack);

                seed(seeder, pause, options.smallPeople());
                warmUp(load, groups, 'W');
                Phase small = phase(load, system, options.smallPeople(), 'B', 'C');
                seed(seeder, pause, options.people());
                warmUp(load, groups, 'X');
                Phase large = phase(load, system, options.people(), 'D', 'E');
                growth(small, large);
                memory("after the load at " + options.people() + " people");

                step("messaging overhead");
                overhead(new ConsumerOverhead(bootstrap, groups));

                step("idle CPU");
                groups.awaitCaughtUp(EventWatch.TOPIC, 120_000, SystemRun.REFERRAL_GROUP, SystemRun.NOTIFICATIONS_GROUP);
                idle();
                memory("at the end of the run");
                scansLogged();
            }
        }

        /** JIT, connection pools, topic metadata: the same for every phase, since each follows a fresh start. */
        private void warmUp(ReceptionLoad load, ConsumerGroups groups, char series) throws Exception {
            step("warm-up");
            load.closedLoop(series, Math.min(200, options.receptions()), options.clients(), 60_000);
            groups.awaitCaughtUp(EventWatch.TOPIC, 120_000, SystemRun.REFERRAL_GROUP, SystemRun.NOTIFICATIONS_GROUP);
        }

        private void startTimes(String when) {
            List<StackComponent> started = when.startsWith("with an empty") ? List.of(StackComponent.RESETTLEMENT,
                    StackComponent.COMMUNITY_PAYBACK, StackComponent.REFERRAL, StackComponent.NOTIFICATIONS,
                    StackComponent.WEB) : StackComponent.services();
            for (StackComponent service : started) {
                footprint.startSeconds(service).ifPresentOrElse(
                        s -> report.figure("footprint", service.artifactName() + " ready after (" + when + ")",
                                s + " s", "≤ 10 s", s <= 10.0),
                        () -> report.unmeasured("footprint", service.artifactName() + " ready after (" + when + ")",
                                "no 'Started' line in its log", "≤ 10 s"));
            }
            if (!when.startsWith("with an empty")) {
                return;
            }
            report.note("Start time: Spring Boot's own \"Started ... (process running for N s)\" line in each log, i.e. "
                    + "from JVM launch until the app is ready; on its first start (a fresh data directory, no class-data archive yet) the stack starts the services together; once they have their archives, one at a time, each once the one before is ready (ADR 0014). Before each growth phase the four services are stopped (SIGTERM), the people loaded, and the services started again one at a time in the same way; each phase then warms up the same way.");
        }

        private void limits(String bootstrap) throws Exception {
            step("raw store limits");
            store = new StoreLimits(stack.mongoUri("bench_scratch"), options.clients(),
                    Duration.ofSeconds(options.receptions() < 1000 ? 5 : 10)).measure();
            report.figure("limits", "raw store inserts/s (" + options.clients() + " clients)",
                    String.format("%.0f", store.insertsPerSecond()));
            report.figure("limits", "raw store version-checked updates/s (" + options.clients() + " clients, "
                    + store.documents() + " documents)", String.format("%.0f", store.updatesPerSecond()));
            step("raw Kafka limits");
            KafkaLimits.Result kafka = new KafkaLimits(bootstrap, options.clients(),
                    options.receptions() < 1000 ? 50_000 : 200_000).measure();
            report.figure("limits", "raw Kafka producer records/s (" + kafka.records() + " records, acks=all)",
                    String.format("%.0f", kafka.producedPerSecond()));
            report.figure("limits", "raw Kafka consumer records/s", String.format("%.0f", kafka.consumedPerSecond()));
            report.note("Limits: the Mongo Java driver against the stack's own wire server (same process, same H2 "
                    + "files), scratch database bench_scratch, " + options.clients() + " threads for a fixed period each: "
                    + "inserts of case-sized documents, then updateOne({_id, version}, {$set, $inc version}) on those "
                    + "documents with the unique {_id, version} index the services' aggregates have. Kafka: one "
                    + "idempotent acks=all producer shared by " + options.clients() + " threads, then one consumer "
                    + "reading everything back, on a scratch topic of 3 partitions.");
        }

        /** Services stopped while the people are loaded, started again one at a time afterwards (their start timed). */
        private void seed(PeopleSeeder seeder, ServicePause pause, int people) throws Exception {
            step("seeding up to " + people + " people");
            pause.stop();
            long start = System.nanoTime();
            long documents = seeder.seedUpTo(people);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.figure("growth", "seeded up to " + people + " people", documents + " documents in "
                    + String.format("%.0f s (%.0f docs/s)", seconds, documents / Math.max(seconds, 0.001)));
            step("starting the services again");
            Duration started = pause.start();
            report.figure("footprint", "the four services started one at a time with " + people + " people stored",
                    "all ready after " + started.toMillis() / 100 / 10.0 + " s");
            startTimes("with " + people + " people stored");
        }

        private record Phase(int people, SystemRun.Result capacity, SystemRun.Result halfLoad,
                Map<PageTimings.Page, PageTimings.Timing> pages) {
        }

        private Phase phase(ReceptionLoad load, SystemRun system, int people, char closedSeries, char openSeries)
                throws Exception {
            String at = "at " + people + " people";
            step("closed loop " + at);
            SystemRun.Result capacity = system.measure("closed loop, " + options.clients() + " clients",
                    load.closedLoop(closedSeries, options.receptions(), options.clients(), maxPhaseMillis()));
            system(at, capacity, false);
            double rate = Math.max(1, capacity.effectsPerSecond() / 2);
            int count = (int) Math.min(options.receptions(), Math.max(50, rate * maxPhaseMillis() / 1000));
            step("open loop at " + String.format("%.1f", rate) + "/s " + at);
            SystemRun.Result half = system.measure(String.format("open loop at %.1f/s (half capacity)", rate),
                    load.openLoop(openSeries, count, rate));
            system(at, half, true);
            step("pages " + at);
            Map<PageTimings.Page, PageTimings.Timing> pages = new PageTimings(stack.webAppUrl().toString(),
                    stack.issuerUri()).measure(options.pageRequests(), maxPhaseMillis() / 2);
            boolean judged = people >= options.people();
            pages.forEach((page, timing) -> {
                String name = page.name() + " p95 " + at;
                String value = "p50 " + timing.latencies().p50() + " / p95 " + timing.latencies().p95() + " / max "
                        + timing.latencies().max() + " ms (" + timing.latencies().count() + " ok, " + timing.errors()
                        + " failed" + (timing.error() == null ? "" : ": " + timing.error()) + ")";
                if (timing.latencies().count() == 0) {
                    report.unmeasured("pages", name, value, "≤ 300 ms at 100k");
                } else if (judged) {
                    report.figure("pages", name, value, "≤ 300 ms", timing.latencies().p95() <= 300);
                } else {
                    report.figure("pages", name, value);
                }
            });
            return new Phase(people, capacity, half, pages);
        }

        private void system(String at, SystemRun.Result r, boolean latencyGoals) {
            String s = "system " + at;
            String run = r.name();
            report.figure(s, run + ": receptions sent / failed", r.sent() + " / " + r.failures()
                    + (r.drained() ? "" : " (consumers had NOT caught up at the time-out)"));
            report.figure(s, run + ": HTTP receptions/s", String.format("%.1f", r.httpPerSecond()));
            String goal = "≥ 1/3 of raw inserts/s = " + String.format("%.0f", store.insertsPerSecond() / 3);
            if (latencyGoals) {
                report.figure(s, run + ": end-to-end effects/s (offered)", String.format("%.1f", r.effectsPerSecond()));
            } else {
                report.figure(s, run + ": end-to-end effects/s (" + r.completed() + " receptions with both effects)",
                        String.format("%.1f", r.effectsPerSecond()), goal,
                        r.effectsPerSecond() >= store.insertsPerSecond() / 3);
            }
            report.figure(s, run + ": HTTP answer p50/p95/p99/max", r.http().summary());
            hop(s, run + ": request → event on resettlement.events", r.requestToEvent(), latencyGoals, 100);
            hop(s, run + ": event → referral person record", r.eventToPerson(), false, 0);
            hop(s, run + ": event → notification", r.eventToNotification(), false, 0);
            hop(s, run + ": request → referral person record", r.requestToPerson(), latencyGoals, 250);
            hop(s, run + ": request → notification", r.requestToNotification(), latencyGoals, 250);
            if (r.missingEvents() + r.missingPeople() + r.missingNotifications() > 0) {
                report.figure(s, run + ": effects missing (events / people / notifications)", r.missingEvents() + " / "
                        + r.missingPeople() + " / " + r.missingNotifications());
            }
        }

        private void hop(String section, String name, Latencies latencies, boolean judged, long p99Goal) {
            if (judged && latencies.count() > 0) {
                report.figure(section, name + " p50/p95/p99/max", latencies.summary(), "p99 ≤ " + p99Goal + " ms",
                        latencies.p99() <= p99Goal);
            } else if (judged) {
                report.unmeasured(section, name, "no samples", "p99 ≤ " + p99Goal + " ms");
            } else {
                report.figure(section, name + " p50/p95/p99/max", latencies.summary());
            }
        }

        private void growth(Phase small, Phase large) {
            double throughput = large.capacity().effectsPerSecond() / Math.max(0.001, small.capacity().effectsPerSecond());
            report.figure("growth", "closed-loop effects/s, " + large.people() + " / " + small.people() + " people",
                    String.format("%.2f (%.1f / %.1f)", throughput, large.capacity().effectsPerSecond(),
                            small.capacity().effectsPerSecond()), "≥ 0.80", throughput >= 0.8);
            long smallP99 = Math.max(small.halfLoad().requestToPerson().p99(),
                    small.halfLoad().requestToNotification().p99());
            long largeP99 = Math.max(large.halfLoad().requestToPerson().p99(),
                    large.halfLoad().requestToNotification().p99());
            double p99 = largeP99 / (double) Math.max(1, smallP99);
            report.figure("growth", "half-load request → effect p99 (slower consumer), " + large.people() + " / "
                    + small.people() + " people", String.format("%.2f (%d / %d ms)", p99, largeP99, smallP99),
                    "≤ 1.20", smallP99 > 0 && largeP99 > 0 && p99 <= 1.2);
            report.note("System: receptions POSTed to resettlement-service (/api/cases, caseworker client token) with "
                    + "counted fake identifiers. Closed loop: " + options.clients() + " clients flat out (capacity); "
                    + "open loop: receptions started at half the measured capacity whatever the answers, each timed "
                    + "from when it was due (no coordinated omission). request → event: until the benchmark's own "
                    + "KafkaConsumer on resettlement.events got the resettlement.prisoner.received record (assigned "
                    + "at the end of the topic before the run). Effects: every effect write is followed by an "
                    + "audit_log row stamped by the service's clock and carrying the consumed event's CloudEvents id "
                    + "as correlationId (referral-service: entity people; notifications-service: entity "
                    + "notifications); they are read once after each phase, never during it. A phase ends when the "
                    + "benchmark consumer has every event and both consumer groups have committed the topic (Kafka "
                    + "admin API, no store reads). Effects/s = receptions with both effects / (last effect − first "
                    + "request). Same machine, same clock for every timestamp.");
        }

        private void overhead(ConsumerOverhead overhead) throws Exception {
            ConsumerOverhead.Result r = overhead.measure(options.overheadEvents());
            report.figure("messaging", "notifications-service consumer path, no-op effect, events/s ("
                    + r.events() + " events" + (r.caughtUp() ? "" : ", did NOT catch up") + ")",
                    String.format("%.0f", r.serviceEventsPerSecond()));
            report.figure("messaging", "raw KafkaConsumer on the same records, events/s",
                    String.format("%.0f", r.rawEventsPerSecond()));
            report.figure("messaging", "overhead (1 − service / raw)", String.format("%.0f %%", r.overheadPercent()),
                    "≤ 20 %", r.overheadPercent() <= 20);
            report.note("Messaging overhead: a backlog of well-formed CloudEvents of an unknown type "
                    + "(bench.noop.ignored) written to community-payback.events as fast as Kafka takes them; "
                    + "notifications-service's real consumer group (Spring Cloud Stream binder, IdempotentListeners, "
                    + "CloudEventReader parsing headers and JSON data, tracing span, metric, no handler = the no-op "
                    + "effect) is timed from the first record written to its commit of the last (committed offsets "
                    + "polled every 50-100 ms); then a plain KafkaConsumer (byte arrays, no parsing) reads the very "
                    + "same records from the same offsets. Dedupe here is part of each effect's own write (processed "
                    + "ids in the aggregate document), so a no-op effect has none to measure. The service's timing "
                    + "includes the seconds the records were still being written (Kafka takes them far faster than "
                    + "the service reads them).");
        }

        /**
         * Each service's retention policies run now, twice, timed: the first run finds what the load left for the
         * hourly run (the people received during it, looked at once by referral-service's sweep); the second is an
         * hourly run with nothing due, what the store pays every hour in the steady state. Without it, the scheduled
         * run five minutes after the services' start fell in the idle minute.
         */
        private void retentionRuns() throws Exception {
            for (StackComponent service : List.of(StackComponent.RESETTLEMENT, StackComponent.COMMUNITY_PAYBACK,
                    StackComponent.REFERRAL, StackComponent.NOTIFICATIONS)) {
                java.net.URI run = java.net.URI.create(stack.baseUrl(service) + "/api/admin/retention/run");
                long first = timedRetentionRun(run);
                long second = timedRetentionRun(run);
                report.figure("idle", service.artifactName() + ": retention run after the load, then one with "
                        + "nothing due", first + " ms, then " + second + " ms");
            }
            report.note("Retention after the load: POST /api/admin/retention/run (ADMIN) on each service, twice, before "
                    + "the idle minutes, each timed until it answers (a 409 while its scheduled run holds the lease is "
                    + "waited out and asked again). The first finds what the load left for the hourly run; the second "
                    + "is what an hourly run with nothing due costs.");
        }

        /** One retention run, timed until it answers (its first run after the load took more than 30 s). */
        private long timedRetentionRun(java.net.URI run) throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            long deadline = System.currentTimeMillis() + 600_000;
            while (true) {
                long start = System.nanoTime();
                java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(run)
                        .timeout(java.time.Duration.ofMinutes(10)).header("Authorization", "Bearer " + tokens.of("admin"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                if (answer.statusCode() != 409 || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("retention run answered " + answer.statusCode());
                }
                Thread.sleep(1000);
            }
        }

        private void idle() throws Exception {
            retentionRuns();
            long pid = stack.process(StackComponent.MONGO).orElseThrow().pid();
            // first the minute or so after the load, reported as it is: the JVMs still compile what the load made
            // hot and H2 writes back and compacts what it changed; then the steady state the goal is about
            double settling = IdleCpu.percent(pid, options.idleSeconds());
            report.figure("idle", "Mongo wire server CPU in the first " + options.idleSeconds()
                    + " s after the load (settling)", String.format("%.1f %% of one core", settling));
            double cpu = IdleCpu.percent(pid, options.idleSeconds());
            report.figure("idle", "Mongo wire server CPU at idle with " + options.people() + " people stored ("
                    + options.idleSeconds() + " s, after the settling period)", String.format("%.1f %% of one core", cpu),
                    "< 5 %", cpu < 5);
            report.note("Idle CPU: /proc/<pid>/stat utime+stime of the local-mongo JVM over each period, after every "
                    + "consumer group had caught up and no client was sending anything: first the period straight "
                    + "after the load (settling), then the next one, which the goal is judged on.");
        }

        /**
         * What the store logged during the run (keys and operators only, never values): scans of collections of 10,000
         * documents or more, and queries that read 1,000 documents or more through an index; each shape with how many
         * times it was logged (at most once a minute each) and the most documents one such read took.
         */
        private void scansLogged() throws java.io.IOException {
            java.nio.file.Path log = stack.logFile(StackComponent.MONGO);
            java.util.regex.Pattern count = java.util.regex.Pattern.compile("(\\d+) documents");
            Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
            try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(log)) {
                lines.filter(l -> l.contains("Collection scan of") || l.contains("through an index for a filter"))
                        .forEach(l -> {
                            String message = l.substring(Math.max(l.indexOf("Collection scan"), l.indexOf("Read ")));
                            java.util.regex.Matcher m = count.matcher(message);
                            long documents = m.find() ? Long.parseLong(m.group(1)) : 0;
                            long[] seen = shapes.computeIfAbsent(m.replaceAll("N documents"), k -> new long[2]);
                            seen[0]++;
                            seen[1] = Math.max(seen[1], documents);
                        });
            }
            report.figure("store", "scans of collections of 10,000 documents or more, and reads of 1,000 documents or "
                    + "more through an index, as the store logged them",
                    shapes.isEmpty() ? "none" : shapes.size() + " filter shapes (notes below)");
            shapes.forEach((shape, seen) -> report.note("Store log: " + shape + " (logged " + seen[0]
                    + " times, at most once a minute; most documents in one: " + seen[1] + ")"));
        }

        private void memory(String when) {
            for (StackComponent component : stack.components()) {
                Footprint.Memory m = footprint.memory(component);
                String value = String.format("heap used %.0f MB / committed %.0f MB; RSS %.0f MB", m.heapUsedMb(),
                        m.heapCommittedMb(), m.rssMb());
                String name = component.artifactName() + " " + when;
                if (component.isService()) {
                    report.figure("footprint", name, value, "heap ≤ 256 MB", m.heapUsedMb() >= 0
                            && m.heapUsedMb() <= 256);
                } else {
                    report.figure("footprint", name, value);
                }
            }
        }

        /** A phase sends its receptions or stops after this long, so a collapsed system cannot stall the run. */
        private long maxPhaseMillis() {
            return options.receptions() < 1000 ? 60_000 : 90_000;
        }

        private void step(String what) {
            System.out.println("[bench] " + Instant.now() + " " + what);
        }
    }
}
