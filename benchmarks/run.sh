#!/usr/bin/env bash
# Issue #14's benchmark (never part of the test suite): starts the whole local stack on free ports and, in one run,
# measures the raw store and Kafka limits, receptions end to end (closed loop, then open loop at half capacity) with
# 1,000 and then 100,000 people stored, the web app's busiest pages, the messaging overhead, idle CPU and each JVM's
# footprint; writes benchmarks/performance-<yyyyMMdd-HHmmss>.md (UTC) with the command line first.
#
# Usage: benchmarks/run.sh [--quick] [--people=100000] [--small-people=1000] [--receptions=2000] [--clients=8]
#                          [--page-requests=50] [--overhead-events=100000] [--idle-seconds=60] [--skip-build]
# --quick: 1,000 / 5,000 people, 300 receptions, 20 requests per page (a few minutes; for development).
# Defaults give the full measurement in about 25 minutes on the 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMAND="benchmarks/run.sh $*"
BUILD=1
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) BUILD=0 ;;
    *) ARGS+=("$arg") ;;
  esac
done
# offline first (everything is normally in the local repository); MVN_OFFLINE= to let Maven download
OFFLINE="${MVN_OFFLINE--o}"
if [ "$BUILD" = 1 ]; then
  ./mvnw -B $OFFLINE -q -DskipTests install
fi
# the benchmark runs in a JVM of its own (test classpath of infra/system-tests), beside the stack it starts
./mvnw -B $OFFLINE -q -pl infra/system-tests test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CLASSPATH="infra/system-tests/target/test-classes:$(cat infra/system-tests/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$CLASSPATH" "-Dbench.command=$COMMAND" \
  uk.probation.gate.infra.stack.bench.PerformanceBenchmark ${ARGS[@]+"${ARGS[@]}"} "--report-dir=$PWD/benchmarks"
