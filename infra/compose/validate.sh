#!/usr/bin/env bash
# Checks the docker-compose / Prometheus / Grafana assets without a Docker engine.
# Installs docker-compose and prometheus (promtool) from apt when missing. Runs every check,
# prints each result, and exits non-zero if any failed. Called from CI (.ci/run), with --self-test too.
#
#   infra/compose/validate.sh                          every check; the compose checks on both shapes compose runs:
#                                                      docker-compose.yml, and docker-compose.cluster.yml merged over it
#   infra/compose/validate.sh --compose-only [-f FILE]  only the compose checks; with -f (repeatable) only on
#                                                      docker-compose.yml with each FILE merged over it as compose
#                                                      merges an override (e.g. docker-compose.override.yml)
#   infra/compose/validate.sh --self-test              each fixture in infra/compose/validate-fixtures/ breaks one
#                                                      rule: the checks must refuse it for that rule only, and
#                                                      accept both shapes themselves. A fixture is merged over
#                                                      docker-compose.yml, or over the files its `# over:` line names.
#
# The safe-by-default rules (infra/compose/compose_policy.py): every published port bound to 127.0.0.1; MongoDB
# with access control and a user per service; Grafana without anonymous access, its admin password required from
# the environment; no Prometheus lifecycle/admin API; every image pinned to an exact version. The wiring rules of the
# same file: every container restarts after a crash; no host port published twice; the Kafka nodes form one
# cluster and every service uses and waits for all of them; a second instance equals the first but for its host
# port; Prometheus scrapes every service instance.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 2

compose_only=false
self_test=false
overrides=()
while [ $# -gt 0 ]; do
  case "$1" in
    --compose-only) compose_only=true ;;
    --self-test) self_test=true ;;
    -f) overrides+=("$2"); shift ;;
    *) echo "unknown argument $1 (see the comment at the top of $0)"; exit 2 ;;
  esac
  shift
done

failures=0
pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }
# run <description> <command...>: runs the command, shows its output only when it fails.
run() {
  local what="$1" out
  shift
  if out="$("$@" 2>&1)"; then
    pass "$what"
  else
    fail "$what"
    printf '%s\n' "$out" | sed 's/^/      /'
  fi
}

# --- tools -------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
apt_install() {
  echo "installing $* with apt-get"
  $SUDO apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
# The system python3 parses YAML (python3-yaml is a docker-compose dependency on Debian).
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON="$(command -v python3 || true)"
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import yaml' >/dev/null 2>&1; then missing+=(python3-yaml); fi
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}" || { echo "FAIL  could not install ${missing[*]}"; exit 1; }
  [ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
fi
echo "tools: $(docker-compose version --short 2>/dev/null), $(promtool --version 2>&1 | head -1)"

# --- self-test -------------------------------------------------------------------------------
if $self_test; then
  shopt -s nullglob
  fixtures=(infra/compose/validate-fixtures/*.yml)
  shopt -u nullglob
  [ "${#fixtures[@]}" -gt 0 ] || { echo "FAIL  no fixtures under infra/compose/validate-fixtures"; exit 1; }
  for fixture in "${fixtures[@]}"; do
    expected="$(sed -n 's/^# expect: *\([a-z-]*\).*/\1/p' "$fixture" | head -1)"
    over=()
    for file in $(sed -n 's/^# over: *//p' "$fixture" | head -1); do over+=(-f "$file"); done
    out="$(bash "$0" --compose-only "${over[@]}" -f "$fixture" 2>&1)"
    status=$?
    others="$(printf '%s\n' "$out" | grep '^FAIL' | grep -v "^FAIL  \[$expected\]" || true)"
    if [ -z "$expected" ]; then
      fail "$fixture names the rule it breaks (# expect: <rule>)"
    elif [ "$status" -ne 0 ] && printf '%s\n' "$out" | grep -q "^FAIL  \[$expected\]" && [ -z "$others" ]; then
      pass "$fixture is refused for [$expected] only"
    else
      fail "$fixture is refused for [$expected] only (exit $status)"
      printf '%s\n' "$out" | sed 's/^/      /'
    fi
  done
  # without -f: both shapes, docker-compose.yml alone and with docker-compose.cluster.yml
  out="$(bash "$0" --compose-only 2>&1)"
  if [ $? -eq 0 ]; then
    pass "docker-compose.yml, alone and with docker-compose.cluster.yml, passes every compose check"
  else
    fail "docker-compose.yml, alone and with docker-compose.cluster.yml, passes every compose check"
    printf '%s\n' "$out" | sed 's/^/      /'
  fi
  echo
  if [ "$failures" -gt 0 ]; then
    echo "validate.sh --self-test: $failures check(s) failed"
    exit 1
  fi
  echo "validate.sh --self-test: every fixture refused for its own rule, docker-compose.yml (alone and with" \
    "docker-compose.cluster.yml) accepted"
  exit 0
fi

# --- docker-compose.yml (and the cluster shape) ---------------------------------------------
# Required variables (${NAME:?...}) get placeholder values from .env.example's names, so `config` also proves
# that every variable the file requires is documented there.
env_file="$(mktemp)"
trap 'rm -f "$env_file"' EXIT
sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=$/\1=validate-placeholder/p; s/^\([A-Za-z_][A-Za-z0-9_]*=..*\)$/\1/p' \
  .env.example > "$env_file" 2>/dev/null

# compose_checks [OVERRIDE...]: every check of docker-compose.yml with the overrides merged over it, in order.
compose_checks() {
  local compose_files=(-f docker-compose.yml) policy_files=(docker-compose.yml "$@") override policy_failures
  for override in "$@"; do compose_files+=(-f "$override"); done
  echo "-- ${policy_files[*]}"
  run "docker-compose config -q (${compose_files[*]}; variables from .env.example)" \
    docker-compose --env-file "$env_file" "${compose_files[@]}" config -q

  # The safe-by-default and wiring rules, one line each (their own PASS/FAIL lines).
  "$PYTHON" infra/compose/compose_policy.py "${policy_files[@]}"
  policy_failures=$?
  failures=$((failures + policy_failures))

  # What `config` does not check: bind-mounted files exist, the Dockerfile exists, and every
  # MODULE build arg names a module of the root pom.
  run "compose bind mounts, Dockerfile and MODULE build args point at real files and modules" \
    "$PYTHON" - "${policy_files[@]}" <<'EOF'
import os, re, sys, yaml
sys.path.insert(0, "infra/compose")
import compose_policy
try:
    services = compose_policy.load(sys.argv[1:])
except yaml.YAMLError as e:
    sys.exit(f"a compose file does not parse (see above): {e.__class__.__name__}")
modules = set(re.findall(r"<module>\s*([^<\s]+)\s*</module>", open("pom.xml").read()))
problems = []
for name, svc in services.items():
    for vol in svc.get("volumes", []):
        source = compose_policy.mount_source(vol)
        if source.startswith((".", "/")) and not os.path.exists(source):
            problems.append(f"{name}: mounted path {source} does not exist")
    build = svc.get("build")
    if isinstance(build, dict):
        dockerfile = os.path.join(build.get("context", "."), build.get("dockerfile", "Dockerfile"))
        if not os.path.isfile(dockerfile):
            problems.append(f"{name}: Dockerfile {dockerfile} does not exist")
        module = (build.get("args") or {}).get("MODULE")
        if not module:
            problems.append(f"{name}: build arg MODULE missing")
        elif module not in modules or not os.path.isfile(os.path.join(module, "pom.xml")):
            problems.append(f"{name}: MODULE {module} is not a module of pom.xml")
    if "mem_limit" not in svc:
        problems.append(f"{name}: no mem_limit")
    if "healthcheck" not in svc:
        problems.append(f"{name}: no healthcheck")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
}

if [ "${#overrides[@]}" -gt 0 ]; then
  compose_checks "${overrides[@]}"
else
  compose_checks
  compose_checks docker-compose.cluster.yml
fi
echo "--"

# A copied .env.example must not start the stack with passwords everyone knows.
run ".env.example leaves every password and secret empty" \
  bash -c "! grep -nE '^[A-Za-z0-9_]*(PASSWORD|SECRET)[A-Za-z0-9_]*=.+' .env.example"

run "Dockerfile base images pinned to an exact version (infra/docker/Dockerfile)" \
  "$PYTHON" infra/compose/compose_policy.py --dockerfile infra/docker/Dockerfile
run "mongo scripts parse (infra/compose/mongo/*.sh)" bash -c 'for f in infra/compose/mongo/*.sh; do bash -n "$f" || exit 1; done'

if $compose_only; then
  echo
  if [ "$failures" -gt 0 ]; then
    echo "validate.sh: $failures compose check(s) failed"
    exit 1
  fi
  echo "validate.sh: all compose checks passed"
  exit 0
fi

# --- Prometheus ------------------------------------------------------------------------------
for config in infra/prometheus/prometheus.yml infra/prometheus/prometheus-cluster.yml infra/prometheus/prometheus-local.yml; do
  run "promtool check config $config" promtool check config "$config"
done
shopt -s nullglob
rule_files=(infra/prometheus/rules/*.yml)
rule_tests=(infra/prometheus/rules/tests/*.yml)
shopt -u nullglob
if [ "${#rule_files[@]}" -eq 0 ]; then
  fail "no rule files under infra/prometheus/rules"
else
  run "promtool check rules ${rule_files[*]}" promtool check rules "${rule_files[@]}"
fi
for test_file in "${rule_tests[@]}"; do
  run "promtool test rules $test_file" promtool test rules "$test_file"
done

# --- Grafana ---------------------------------------------------------------------------------
run "grafana provisioning YAML parses" "$PYTHON" -c '
import glob, sys, yaml
files = glob.glob("infra/grafana/provisioning/**/*.yml", recursive=True)
for f in files:
    yaml.safe_load(open(f))
sys.exit(0 if files else "no provisioning files")'

shopt -s nullglob
dashboards=(infra/grafana/dashboards/*.json)
shopt -u nullglob
if [ "${#dashboards[@]}" -eq 0 ]; then fail "no dashboards under infra/grafana/dashboards"; fi
promql_dir="$(mktemp -d)"
trap 'rm -rf "$promql_dir" "$env_file"' EXIT
for dashboard in "${dashboards[@]}"; do
  if ! out="$("$PYTHON" -m json.tool "$dashboard" 2>&1 >/dev/null)"; then
    fail "$dashboard is valid JSON"
    printf '%s\n' "$out" | sed 's/^/      /'
    continue
  fi
  pass "$dashboard is valid JSON"
  # Structure: schemaVersion 39+, every panel queries the provisioned data source by uid.
  # Its PromQL goes into a rules file so promtool parses every expression.
  rules_out="$promql_dir/$(basename "$dashboard" .json).rules.yml"
  run "$dashboard: schemaVersion >= 39, panels use the provisioned datasource uid" \
    "$PYTHON" - "$dashboard" "$rules_out" <<'EOF'
import glob, json, sys, yaml
dashboard_file, rules_out = sys.argv[1], sys.argv[2]
uids = set()
for f in glob.glob("infra/grafana/provisioning/datasources/*.yml"):
    for ds in (yaml.safe_load(open(f)) or {}).get("datasources", []):
        if ds.get("uid"):
            uids.add(ds["uid"])
d = json.load(open(dashboard_file))
problems, exprs = [], []
if not isinstance(d.get("schemaVersion"), int) or d["schemaVersion"] < 39:
    problems.append(f"schemaVersion {d.get('schemaVersion')} < 39")
if not d.get("uid") or not d.get("title"):
    problems.append("dashboard needs a uid and a title")
panels = d.get("panels") or []
if not panels:
    problems.append("no panels")
for p in panels:
    if p.get("type") == "row":
        continue
    title = p.get("title", f"panel {p.get('id')}")
    targets = p.get("targets") or []
    if not targets:
        problems.append(f"{title}: no targets")
    for t in [p] + targets:
        uid = (t.get("datasource") or {}).get("uid")
        if uid not in uids:
            problems.append(f"{title}: datasource uid {uid!r} is not provisioned ({sorted(uids)})")
    for t in targets:
        if not t.get("expr"):
            problems.append(f"{title}: target {t.get('refId')} has no expr")
        else:
            # The record name tells which panel an unparsable expression came from.
            exprs.append((f"dashboard:panel_{p.get('id')}_{t.get('refId')}", t["expr"]))
rules = {"groups": [{"name": "dashboard", "rules": [
    {"record": record, "expr": expr} for record, expr in exprs]}]}
yaml.safe_dump(rules, open(rules_out, "w"))
print("\n".join(dict.fromkeys(problems)))
sys.exit(1 if problems else 0)
EOF
  if [ -s "$rules_out" ]; then
    run "$dashboard: every PromQL expression parses (promtool)" promtool check rules "$rules_out"
  fi
done

# Grafana's dashboard model beyond what the per-file check covers: unique uids across files, unique panel ids,
# known panel types, every panel inside the 24-column grid and not overlapping another.
if [ "${#dashboards[@]}" -gt 0 ]; then
  run "dashboards: unique uids and panel ids, known panel types, panels on the 24-column grid without overlaps" \
    "$PYTHON" - "${dashboards[@]}" <<'EOF'
import json, sys
KNOWN = {"row", "timeseries", "stat", "gauge", "bargauge", "table", "barchart", "piechart", "text", "heatmap",
         "state-timeline", "histogram", "logs"}
problems, uids = [], {}
for f in sys.argv[1:]:
    try:
        d = json.load(open(f))
    except ValueError:
        continue  # reported by the per-file check
    if d.get("uid") in uids:
        problems.append(f"{f}: uid {d['uid']} also used by {uids[d['uid']]}")
    uids[d.get("uid")] = f
    ids, cells = set(), {}
    for p in d.get("panels") or []:
        title = p.get("title", f"panel {p.get('id')}")
        if p.get("id") in ids:
            problems.append(f"{f}: panel id {p.get('id')} used twice")
        ids.add(p.get("id"))
        if p.get("type") not in KNOWN:
            problems.append(f"{f}: {title}: unknown panel type {p.get('type')!r}")
        g = p.get("gridPos") or {}
        x, y, w, h = (g.get(k) for k in ("x", "y", "w", "h"))
        if not all(isinstance(v, int) for v in (x, y, w, h)) or w < 1 or h < 1 or x < 0 or y < 0 or x + w > 24:
            problems.append(f"{f}: {title}: gridPos {g} is not on the 24-column grid")
            continue
        overlap = next((cells[(cx, cy)] for cx in range(x, x + w) for cy in range(y, y + h) if (cx, cy) in cells), None)
        if overlap:
            problems.append(f"{f}: {title} overlaps {overlap}")
        for cx in range(x, x + w):
            for cy in range(y, y + h):
                cells[(cx, cy)] = title
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
fi

echo
if [ "$failures" -gt 0 ]; then
  echo "validate.sh: $failures check(s) failed"
  exit 1
fi
echo "validate.sh: all checks passed"
