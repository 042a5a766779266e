package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --simulate}: once the stack is up, drive it with the simulator's seeded cohort (its own JVM). */
final class Simulation {

    static final String OPTION = "--simulate";

    private Simulation() {
    }

    /** The options meant for the simulator: {@code --simulate} alone, or {@code --simulate=--people=80,--seed=7}. */
    static List<String> simulatorArgs(String[] args) {
        for (String arg : args) {
            if (arg.equals(OPTION)) {
                return List.of();
            }
            if (arg.startsWith(OPTION + "=")) {
                return List.of(arg.substring(OPTION.length() + 1).split(","));
            }
        }
        return null;
    }

    static String[] withoutSimulate(String[] args) {
        return List.of(args).stream().filter(a -> !a.equals(OPTION) && !a.startsWith(OPTION + "="))
                .toArray(String[]::new);
    }

    /** Runs the simulator against this stack's ports, printing its progress; returns its exit code. */
    static int run(RunningStack stack, List<String> extra) throws IOException, InterruptedException {
        Path jar = stack.projectRoot().resolve("infra/simulator/target/simulator-exec.jar");
        if (Files.notExists(jar)) {
            throw new StackStartupException("missing " + jar + "; build it first: ./mvnw -B -DskipTests install");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(),
                "--resettlement-url=" + stack.baseUrl(StackComponent.RESETTLEMENT),
                "--community-payback-url=" + stack.baseUrl(StackComponent.COMMUNITY_PAYBACK),
                "--referral-url=" + stack.baseUrl(StackComponent.REFERRAL),
                "--notifications-url=" + stack.baseUrl(StackComponent.NOTIFICATIONS),
                "--auth-url=" + stack.issuerUri(), "--kafka=" + stack.kafkaBootstrapServers(),
                "--record=" + stack.dataDir().resolve("simulation-record.json")));
        command.addAll(extra);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
