#!/usr/bin/env bash
# Benchmarks (never part of the test suite): starts the whole local stack on free ports, sends receptions and
# writes a report under benchmarks/. Usage: benchmarks/run.sh [receptions=400] [concurrent clients=8]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -DskipTests install
./mvnw -B -pl infra/system-tests test-compile org.codehaus.mojo:exec-maven-plugin:3.6.1:java -Dexec.classpathScope=test \
  -Dexec.mainClass=uk.probation.gate.infra.stack.bench.ReceptionBenchmark \
  -Dexec.args="${1:-400} ${2:-8} $PWD/benchmarks"
