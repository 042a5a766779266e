#!/usr/bin/env bash
# Runs the whole system locally without Docker: Kafka, the Mongo wire server, the auth server, the four
# services and the web application (http://127.0.0.1:8080, dev users printed at start), each in its own JVM,
# plus a mail server (infra/local-stack). Every Spring app runs with the dev profile (dev users and clients, each
# client with its own secret <client>-dev-secret; Swagger UI); actuator is on the management ports 9080-9084.
# Options pass through: --reset, --only=kafka,mongo,auth, --simulate (drive it with a synthetic cohort), --help;
# --brokers=3 --instances=2 runs a three-node KRaft cluster and two JVMs of each service (ADR 0011).
# A component that crashes is restarted with back-off; a crash loop (--max-restarts, --restart-window) stops
# everything with exit code 1; --no-supervise leaves a crashed component down.
set -euo pipefail
cd "$(dirname "$0")"

modules=(event-contracts service-platform resettlement-service community-payback-service referral-service
         notifications-service infra/local-kafka infra/mongo-wire infra/local-mongo infra/auth-server infra/simulator web-app
         infra/local-stack)
runnable=(resettlement-service community-payback-service referral-service notifications-service infra/local-kafka
          infra/local-mongo infra/auth-server infra/local-mail web-app infra/local-stack)

# rebuild when a runnable jar is missing or any source or pom is newer than the oldest jar
needs_build() {
  local jars=() oldest
  for m in "${runnable[@]}"; do
    [[ -f "$m/target/${m##*/}.jar" ]] || return 0
    jars+=("$m/target/${m##*/}.jar")
  done
  oldest=$(ls -tr "${jars[@]}" | head -n 1)
  [[ -n "$(find pom.xml "${modules[@]/%//pom.xml}" "${modules[@]/%//src}" -newer "$oldest" -type f -print -quit)" ]]
}

if needs_build; then
  ./mvnw -B -DskipTests install
fi
exec java -jar infra/local-stack/target/local-stack.jar "$@"
