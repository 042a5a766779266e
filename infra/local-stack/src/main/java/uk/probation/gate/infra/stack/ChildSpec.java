package uk.probation.gate.infra.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to (re)start one child JVM: which instance of which component it is, the jar it was built as and
 * the copy it runs, its command line, where it logs, how it says it is ready, and whether it runs extracted with a
 * class-data archive when it has one ({@link AppCds}).
 */
record ChildSpec(StackComponent component, int instance, String name, Path builtJar, Path runJar, List<String> command,
                 Path workingDir, Path logFile, Readiness readiness, boolean classDataSharing) {

    ChildSpec(StackComponent component, int instance, String name, Path builtJar, Path runJar, List<String> command,
              Path workingDir, Path logFile, Readiness readiness) {
        this(component, instance, name, builtJar, runJar, command, workingDir, logFile, readiness, false);
    }
}
