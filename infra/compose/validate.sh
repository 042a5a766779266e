#!/usr/bin/env bash
# Checks the docker-compose / Prometheus / Grafana assets without a Docker engine.
# Installs docker-compose and prometheus (promtool) from apt when missing. Runs every check,
# prints each result, and exits non-zero if any failed. Called from CI.
#
#   infra/compose/validate.sh
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 2

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

# --- docker-compose.yml --------------------------------------------------------------------
run "docker-compose config -q (docker-compose.yml)" docker-compose -f docker-compose.yml config -q

# What `config` does not check: bind-mounted files exist, the Dockerfile exists, and every
# MODULE build arg names a module of the root pom.
run "compose bind mounts, Dockerfile and MODULE build args point at real files and modules" \
  "$PYTHON" - <<'EOF'
import os, re, sys, yaml
try:
    compose = yaml.safe_load(open("docker-compose.yml"))
except yaml.YAMLError as e:
    sys.exit(f"docker-compose.yml does not parse (see above): {e.__class__.__name__}")
modules = set(re.findall(r"<module>\s*([^<\s]+)\s*</module>", open("pom.xml").read()))
problems = []
for name, svc in compose["services"].items():
    for vol in svc.get("volumes", []):
        source = vol.split(":")[0] if isinstance(vol, str) else vol.get("source", "")
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

# --- Prometheus ------------------------------------------------------------------------------
for config in infra/prometheus/prometheus.yml infra/prometheus/prometheus-local.yml; do
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
trap 'rm -rf "$promql_dir"' EXIT
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
