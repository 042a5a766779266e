package uk.probation.gate.infra.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to (re)start one child JVM: which instance of which component it is, the jar it was built as and
 * the copy it runs, its command line, where it logs, and how it says it is ready.
 */
record ChildSpec(StackComponent component, int instance, String name, Path builtJar, Path runJar, List<String> command,
                 Path workingDir, Path logFile, Readiness readiness) {
}
