#!/usr/bin/env bash
# The README's test command. Installs what the tests need on a machine that has only Java 17, then runs every test
# suite with the Maven wrapper: unit, integration against a real Kafka broker and the Mongo wire server, end to end,
# real Prometheus, and the browser journeys in real Chromium.
#
# Installs, only when missing:
#   - Debian packages (apt-get, so root or sudo): prometheus (OutcomeDashboardsIT runs the real server),
#     chromium and chromium-driver (the browser tests drive Chromium through its installed driver);
#   - the npm package axe-core into .test-tools/ (the browser tests' accessibility check), with npm (Debian's npm
#     package when npm is missing).
# Extra arguments go to Maven, e.g. ./run-tests.sh -pl resettlement-service
set -euo pipefail
cd "$(dirname "$0")"

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# npm is needed once, to fetch axe-core
[ -f .test-tools/node_modules/axe-core/axe.min.js ] || command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing ${missing[*]} from Debian (apt-get)"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f .test-tools/node_modules/axe-core/axe.min.js ]; then
  echo "== Installing axe-core from npm into .test-tools/"
  npm install --silent --no-audit --no-fund --prefix .test-tools axe-core@4
fi

axe_version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' .test-tools/node_modules/axe-core/package.json | head -1)
echo "== Tools: $(prometheus --version 2>&1 | head -1); $(/usr/bin/chromium --version); axe-core ${axe_version}"
chmod +x mvnw
# two modules at a time (-T 2): the four services' suites overlap; the local stack waits for every jar it starts
exec ./mvnw -B -T 2 verify "$@"
