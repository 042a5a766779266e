#!/usr/bin/env bash
# Fault injection (never part of the default test suite; a three-round version of it is FaultInjectionIT): starts the
# whole local stack on free ports (a three-broker KRaft cluster, two instances of each service by default), runs a
# mixed load from several clients and, each round, SIGKILLs a random service instance, broker or partition leader;
# checks every accepted command had exactly one effect everywhere; writes benchmarks/fault-injection-<timestamp>.md.
# Exits non-zero if anything was lost, duplicated or stuck.
# Usage: benchmarks/faults.sh [--rounds=100] [--brokers=3] [--instances=2] [--clients=6] [--seed=S]
#                             [--report-dir=benchmarks] [--faults=service,broker,leader]
# Set SKIP_BUILD=1 to use the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -DskipTests install
fi
./mvnw -B -o -pl infra/fault-injection compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -cp "infra/fault-injection/target/classes:$(cat infra/fault-injection/target/classpath.txt)" \
  uk.probation.gate.faults.FaultInjection --report-dir="$PWD/benchmarks" "$@"
