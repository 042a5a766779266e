#!/usr/bin/env bash
# Runs the simulator against a running local stack (./run-local.sh; default ports 8081-8084, auth 9000,
# Kafka 127.0.0.1:9092), building it first if needed. Arguments go to the simulator; --help lists them.
#
#   infra/simulator/simulate.sh --people=40 --orders=20 --seed=6189
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/infra/simulator/target/simulator-exec.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -o install -pl infra/simulator -DskipTests)
fi
exec java -jar "$JAR" "$@"
