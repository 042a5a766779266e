"""The safe-by-default rules for docker-compose.yml (issue #12), checked without a Docker engine.

    python3 infra/compose/compose_policy.py docker-compose.yml [override.yml ...]

Reads the compose files as written (before ${...} interpolation, so "the password comes from the environment"
can be told from "the password has a default"), merges the overrides the way compose does (maps merged, ports
concatenated, environment merged by name, anything else replaced), and prints one PASS or FAIL line per rule,
naming every offending service. Exits with the number of rules that failed. Needs only python3 and PyYAML.
"""
import re
import sys

import yaml

LOOPBACK = "127.0.0.1"
# ${NAME:?message} or ${NAME?message}: compose refuses to start when NAME is missing (":?" also when empty)
REQUIRED_FROM_ENV = re.compile(r"^\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}$")
ENV_REFERENCE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^}]*)?\}")
EXACT_VERSION = re.compile(r"^v?\d+\.\d+\.\d+([._+-][A-Za-z0-9._-]+)?$")
CONCATENATED = {"ports", "expose", "dns", "dns_search", "tmpfs", "external_links"}


def environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {k: (None if v is None else str(v)) for k, v in env.items()}


def merge_service(base, override):
    merged = dict(base)
    for key, value in override.items():
        if key == "environment":
            env = environment(base)
            env.update(environment(override))
            merged[key] = env
        elif key in CONCATENATED and isinstance(base.get(key), list) and isinstance(value, list):
            merged[key] = base[key] + value
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        else:
            merged[key] = value
    return merged


def load(files):
    services = {}
    for f in files:
        with open(f) as stream:
            doc = yaml.safe_load(stream) or {}
        for name, svc in (doc.get("services") or {}).items():
            services[name] = merge_service(services.get(name, {}), svc or {})
    return services


def command_args(service):
    cmd = service.get("command") or []
    return cmd.split() if isinstance(cmd, str) else [str(a) for a in cmd]


def image_of(service):
    return str(service.get("image") or "")


def image_name(image):
    """grafana/grafana:12.4.5 -> grafana/grafana (a registry port is not a tag)."""
    image = image.split("@", 1)[0]
    last = image.rsplit("/", 1)[-1]
    return image[: len(image) - len(last)] + last.split(":", 1)[0]


def is_image(service, name):
    return image_name(image_of(service)).split("/")[-1] == name


def check_ports(services):
    problems = []
    for name, svc in services.items():
        if svc.get("network_mode") == "host":
            problems.append(f"{name}: network_mode host publishes every port on every interface")
        for port in svc.get("ports") or []:
            if isinstance(port, dict):
                if str(port.get("host_ip", "")) != LOOPBACK:
                    problems.append(f"{name}: port {port} has host_ip {port.get('host_ip')!r}, not {LOOPBACK}")
                continue
            spec = str(port).rsplit("/", 1)[0]
            ip = spec.rsplit(":", 2)[0] if spec.count(":") >= 2 else None
            if ip != LOOPBACK:
                problems.append(f"{name}: port \"{port}\" is published on every interface (write \"{LOOPBACK}:{spec}\")")
    return problems


def check_mongo(services):
    problems = []
    mongos = [n for n, s in services.items() if is_image(s, "mongo")]
    for name in mongos:
        svc = services[name]
        env = environment(svc)
        for var in ("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD"):
            if not (env.get(var) or "").strip():
                problems.append(f"{name}: {var} is not set, so MongoDB runs without access control")
        password = env.get("MONGO_INITDB_ROOT_PASSWORD") or ""
        if password.strip() and not REQUIRED_FROM_ENV.match(password):
            problems.append(f"{name}: MONGO_INITDB_ROOT_PASSWORD must come from the environment as ${{NAME:?...}}")
        args = command_args(svc)
        if "--noauth" in args:
            problems.append(f"{name}: mongod runs with --noauth")
        if "--replSet" in args and "--keyFile" not in args:
            problems.append(f"{name}: a replica set with access control needs --keyFile")
    for name, svc in services.items():
        for var, value in environment(svc).items():
            if value and value.startswith(("mongodb://", "mongodb+srv://")):
                m = re.match(r"^mongodb(\+srv)?://([^@/]+)@", value)
                if not m or ":" not in m.group(2):
                    problems.append(f"{name}: {var} connects without a user and password")
                elif not ENV_REFERENCE.search(m.group(2).split(":", 1)[1]):
                    problems.append(f"{name}: {var} has a password written in the file; take it from the environment")
    return problems


def grafanas(services):
    return [(n, s) for n, s in services.items() if is_image(s, "grafana") or is_image(s, "grafana-enterprise")]


def check_grafana_anonymous(services):
    problems = []
    for name, svc in grafanas(services):
        value = (environment(svc).get("GF_AUTH_ANONYMOUS_ENABLED") or "false").strip().lower()
        if value not in ("false", "0", "no"):
            problems.append(f"{name}: GF_AUTH_ANONYMOUS_ENABLED={value}: anyone reaching Grafana reads it without signing in")
    return problems


def check_grafana_password(services):
    problems = []
    for name, svc in grafanas(services):
        env = environment(svc)
        if env.get("GF_SECURITY_ADMIN_PASSWORD__FILE"):
            continue
        password = (env.get("GF_SECURITY_ADMIN_PASSWORD") or "").strip()
        if not password:
            problems.append(f"{name}: no GF_SECURITY_ADMIN_PASSWORD: Grafana's default admin/admin applies")
        elif not REQUIRED_FROM_ENV.match(password):
            problems.append(f"{name}: GF_SECURITY_ADMIN_PASSWORD={password}: a written or default password; "
                            "require it from the environment as ${GRAFANA_ADMIN_PASSWORD:?...}")
    return problems


def check_prometheus(services):
    problems = []
    for name, svc in services.items():
        if not is_image(svc, "prometheus"):
            continue
        for flag in ("--web.enable-lifecycle", "--web.enable-admin-api"):
            if any(a == flag or a.startswith(flag + "=") for a in command_args(svc)):
                problems.append(f"{name}: {flag} lets anyone who reaches Prometheus reload, stop or wipe it")
    return problems


def check_pinned(services):
    problems = []
    for name, svc in services.items():
        image = image_of(svc)
        if "build" in svc or not image:
            continue  # built from this checkout
        problem = pin_problem(image)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def pin_problem(image):
    if "@sha256:" in image:
        return None
    tag = image[len(image_name(image)) + 1:] if image.startswith(image_name(image) + ":") else ""
    if not tag:
        return f"image {image} has no tag (it means latest)"
    if tag == "latest":
        return f"image {image} is not pinned (latest)"
    if not EXACT_VERSION.match(tag):
        return f"image {image}: tag {tag} is not an exact version (x.y.z)"
    return None


RULES = [
    ("ports-loopback", "every published port is bound to 127.0.0.1", check_ports),
    ("mongo-auth", "MongoDB runs with access control and every service connects with its own user", check_mongo),
    ("grafana-anonymous", "Grafana has no anonymous access", check_grafana_anonymous),
    ("grafana-admin-password", "Grafana's admin password is required from the environment", check_grafana_password),
    ("prometheus-lifecycle", "Prometheus has no lifecycle or admin API", check_prometheus),
    ("images-pinned", "every image is pinned to an exact version", check_pinned),
]


def main(files):
    services = load(files)
    failed = 0
    for rule, what, check in RULES:
        problems = check(services)
        if rule == "mongo-auth" and not any(is_image(s, "mongo") for s in services.values()):
            problems = problems + ["no mongo service found"]
        if problems:
            failed += 1
            print(f"FAIL  [{rule}] {what}")
            for p in problems:
                print(f"      {p}")
        else:
            print(f"PASS  [{rule}] {what}")
    return failed


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--dockerfile":
        # FROM lines of Dockerfiles: the same pin rule
        bad = []
        for f in sys.argv[2:]:
            for line in open(f):
                m = re.match(r"^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)", line, re.IGNORECASE)
                if m and m.group(1) != "scratch":
                    problem = pin_problem(m.group(1))
                    if problem:
                        bad.append(f"{f}: {problem}")
        print("\n".join(bad))
        sys.exit(1 if bad else 0)
    sys.exit(min(main(sys.argv[1:]), 100))
