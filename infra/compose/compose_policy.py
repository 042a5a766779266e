"""The safe-by-default rules for docker-compose.yml (issue #12), and the wiring rules its cluster shape
(docker-compose.cluster.yml, issue #13) depends on, checked without a Docker engine.

    python3 infra/compose/compose_policy.py docker-compose.yml [override.yml ...]

Reads the compose files as written (before ${...} interpolation, so "the password comes from the environment"
can be told from "the password has a default"), merges the overrides the way compose does (maps merged, ports
concatenated, environment merged by name, volumes merged by their path in the container, anything else replaced),
and prints one PASS or FAIL line per rule, naming every offending service. Exits with the number of rules that
failed. Needs only python3 and PyYAML.

Wiring rules (what `docker-compose config` does not see, and would otherwise be found only on a Docker engine):
every container restarts after a crash; no host port published twice; the Kafka nodes form one cluster (unique node
ids, one cluster id, the same voters naming every node, each node its own data volume, replication a lost broker
survives) and every service bootstraps from and waits for all of them; a second instance `<service>-2` is its first
instance but for its host port; Prometheus scrapes every service instance's management port.
"""
import os
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
        elif key in ("volumes", "devices") and isinstance(base.get(key), list) and isinstance(value, list):
            # merged by the path in the container: an override's mount replaces the base's at the same path
            by_target = {mount_target(m): m for m in base[key]}
            by_target.update({mount_target(m): m for m in value})
            merged[key] = list(by_target.values())
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        else:
            merged[key] = value
    return merged


def mount_target(mount):
    """"kafka-data:/var/lib/kafka/data:rw" -> /var/lib/kafka/data (long syntax: its target)."""
    if isinstance(mount, dict):
        return str(mount.get("target", ""))
    parts = str(mount).split(":")
    return parts[1] if len(parts) > 1 else parts[0]


def mount_source(mount):
    if isinstance(mount, dict):
        return str(mount.get("source", ""))
    parts = str(mount).split(":")
    return parts[0] if len(parts) > 1 else ""


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


RESTART_POLICIES = ("always", "unless-stopped", "on-failure")


def check_restart(services):
    problems = []
    for name, svc in services.items():
        restart = str(svc.get("restart") or "no")
        condition = str(((svc.get("deploy") or {}).get("restart_policy") or {}).get("condition") or "")
        if restart.split(":", 1)[0] not in RESTART_POLICIES and condition not in ("any", "on-failure"):
            problems.append(f"{name}: restart {restart}: a container that crashes stays down "
                            "(write restart: unless-stopped)")
    return problems


def published_ports(service):
    """(host ip, host port) of each published port; a port range or an unpublished one is left out."""
    result = []
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            if port.get("published") is not None:
                result.append((str(port.get("host_ip", "")), str(port["published"])))
            continue
        parts = str(port).rsplit("/", 1)[0].rsplit(":", 2)
        if len(parts) >= 2 and parts[-2]:
            result.append((parts[0] if len(parts) == 3 else "", parts[-2]))
    return result


def check_host_ports(services):
    problems, owners = [], {}
    for name, svc in services.items():
        for ip, port in published_ports(svc):
            # an empty host ip (every interface) clashes with any address on the same port
            for (other_ip, other_port), other in owners.items():
                if other_port == port and (ip == other_ip or "" in (ip, other_ip)):
                    problems.append(f"{name}: host port {port} is already published by {other}")
            owners[(ip, port)] = name
    return problems


def network_names(services):
    """Every name a container is reachable by inside the compose network: its service name and its aliases."""
    names = {}
    for name, svc in services.items():
        names[name] = name
        networks = svc.get("networks") or {}
        if isinstance(networks, dict):
            for network in networks.values():
                for alias in (network or {}).get("aliases") or []:
                    names[str(alias)] = name
    return names


def host_port(address):
    """"kafka-1:9092" or "PLAINTEXT://kafka-1:9092" -> ("kafka-1", "9092")."""
    address = address.split("://", 1)[-1]
    host, _, port = address.rpartition(":")
    return host, port


def listeners(value):
    """"PLAINTEXT://:9092,CONTROLLER://:9093" -> {"PLAINTEXT": ("", "9092"), "CONTROLLER": ("", "9093")}."""
    result = {}
    for item in (value or "").split(","):
        if "://" in item:
            result[item.split("://", 1)[0].strip()] = host_port(item.strip())
    return result


def as_int(value, default):
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return None


# (replication factor, its min ISR, Kafka's defaults for both) of the topics a Kafka node creates
REPLICATION = [
    ("KAFKA_DEFAULT_REPLICATION_FACTOR", "KAFKA_MIN_INSYNC_REPLICAS", 1, 1),
    ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_MIN_INSYNC_REPLICAS", 3, 1),
    ("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 3, 2),
    ("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", 3, 2),
]


def check_kafka_cluster(services):
    nodes = {n: environment(s) for n, s in services.items() if is_image(s, "kafka")}
    if not nodes:
        return []
    problems, names, count = [], network_names(services), len(nodes)
    ids = {}
    for name, env in nodes.items():
        node_id = env.get("KAFKA_NODE_ID")
        if not node_id:
            problems.append(f"{name}: no KAFKA_NODE_ID")
        elif node_id in ids:
            problems.append(f"{name}: KAFKA_NODE_ID {node_id} is also {ids[node_id]}'s")
        else:
            ids[node_id] = name
    if len({env.get("CLUSTER_ID") for env in nodes.values()}) != 1 or not next(iter(nodes.values())).get("CLUSTER_ID"):
        problems.append("the Kafka nodes do not share one CLUSTER_ID: "
                        + ", ".join(f"{n}={e.get('CLUSTER_ID')}" for n, e in nodes.items()))
    for name, env in nodes.items():
        voters = {}
        for voter in (env.get("KAFKA_CONTROLLER_QUORUM_VOTERS") or "").split(","):
            voter_id, _, address = voter.strip().partition("@")
            voters[voter_id] = host_port(address)[0]
        if set(voters) != set(ids):
            problems.append(f"{name}: voters {env.get('KAFKA_CONTROLLER_QUORUM_VOTERS')} are not the nodes "
                            f"{', '.join(f'{i}={n}' for i, n in sorted(ids.items()))}")
        for voter_id, host in voters.items():
            loopback_alone = count == 1 and host in ("localhost", "127.0.0.1") and ids.get(voter_id) == name
            if voter_id in ids and names.get(host) != ids[voter_id] and not loopback_alone:
                problems.append(f"{name}: voter {voter_id}@{host} is not the node {ids[voter_id]}")
        inter = env.get("KAFKA_INTER_BROKER_LISTENER_NAME") or "PLAINTEXT"
        advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS")).get(inter)
        if count > 1 and (not advertised or names.get(advertised[0]) != name):
            problems.append(f"{name}: advertises {inter} as {advertised and advertised[0]}, which is not this node")
        for rf_var, isr_var, rf_default, isr_default in REPLICATION:
            rf, isr = as_int(env.get(rf_var), rf_default), as_int(env.get(isr_var), isr_default)
            if rf is None or isr is None or rf > count or isr > rf:
                problems.append(f"{name}: {rf_var}={rf}, {isr_var}={isr} with {count} broker(s)")
            elif count > 1 and not 2 <= isr < rf:
                problems.append(f"{name}: {rf_var}={rf}, {isr_var}={isr}: on a cluster a write must reach two "
                                "brokers (min ISR >= 2) and one broker may be lost (replication > min ISR)")
    volumes = {}
    for name, env in nodes.items():
        log_dir = env.get("KAFKA_LOG_DIRS") or "/tmp/kraft-combined-logs"
        source = next((mount_source(m) for m in services[name].get("volumes") or [] if mount_target(m) == log_dir), "")
        if not source:
            problems.append(f"{name}: {log_dir} is not on a volume: the node loses its data when recreated")
        elif source in volumes:
            problems.append(f"{name}: data volume {source} is also {volumes[source]}'s")
        else:
            volumes[source] = name
    for name, svc in services.items():
        bootstrap = environment(svc).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")
        if bootstrap is None:
            continue
        reached = set()
        for address in bootstrap.split(","):
            host, port = host_port(address.strip())
            node = names.get(host)
            inter = (nodes.get(node) or {}).get("KAFKA_INTER_BROKER_LISTENER_NAME") or "PLAINTEXT"
            if node not in nodes or listeners(nodes[node].get("KAFKA_LISTENERS")).get(inter, ("", ""))[1] != port:
                problems.append(f"{name}: bootstrap server {address.strip()} is not a Kafka node's {inter} listener")
            else:
                reached.add(node)
        if reached != set(nodes):
            problems.append(f"{name}: SPRING_KAFKA_BOOTSTRAP_SERVERS={bootstrap} leaves out "
                            + ", ".join(sorted(set(nodes) - reached)))
        depends_on = svc.get("depends_on") or {}
        for node in nodes:
            condition = depends_on.get(node, {}).get("condition") if isinstance(depends_on, dict) else None
            if condition != "service_healthy":
                problems.append(f"{name}: does not wait for {node} to be healthy (depends_on)")
    return problems


def check_instances(services):
    problems = []
    for name, svc in services.items():
        m = re.match(r"^(.+)-(\d+)$", name)
        first = services.get(m.group(1)) if m else None
        if first is None or "build" not in svc or "build" not in first:
            continue
        for key in sorted((set(svc) | set(first)) - {"ports"}):
            mine, theirs = svc.get(key), first.get(key)
            if key == "environment":
                mine, theirs = environment(svc), environment(first)
                for var in sorted(set(mine) | set(theirs)):
                    if mine.get(var) != theirs.get(var):
                        problems.append(f"{name}: {var}={mine.get(var)} but {m.group(1)} has {theirs.get(var)}")
            elif mine != theirs:
                problems.append(f"{name}: {key} differs from {m.group(1)}'s")
    return problems


PROJECT_DIR = "."


def check_prometheus_targets(services):
    problems = []
    names = network_names(services)
    expected = {f"{name}:{environment(svc)['MANAGEMENT_SERVER_PORT']}" for name, svc in services.items()
                if environment(svc).get("MANAGEMENT_SERVER_PORT")}
    for name, svc in services.items():
        if not is_image(svc, "prometheus"):
            continue
        source = next((mount_source(m) for m in svc.get("volumes") or []
                       if mount_target(m) == "/etc/prometheus/prometheus.yml"), "")
        if not source.startswith((".", "/")):
            problems.append(f"{name}: no configuration file mounted at /etc/prometheus/prometheus.yml")
            continue
        path = os.path.join(PROJECT_DIR, source)
        try:
            config = yaml.safe_load(open(path)) or {}
        except (OSError, yaml.YAMLError) as e:
            problems.append(f"{name}: {source}: {e.__class__.__name__}")
            continue
        targets = {str(t) for job in config.get("scrape_configs") or []
                   for static in job.get("static_configs") or [] for t in static.get("targets") or []}
        for missing in sorted(expected - targets):
            problems.append(f"{name}: {source} does not scrape {missing}")
        for target in sorted(targets - expected):
            host = host_port(target)[0]
            if host not in ("localhost", "127.0.0.1") and host not in names:
                problems.append(f"{name}: {source} scrapes {target}, which is not in the stack")
    return problems


RULES = [
    ("ports-loopback", "every published port is bound to 127.0.0.1", check_ports),
    ("mongo-auth", "MongoDB runs with access control and every service connects with its own user", check_mongo),
    ("grafana-anonymous", "Grafana has no anonymous access", check_grafana_anonymous),
    ("grafana-admin-password", "Grafana's admin password is required from the environment", check_grafana_password),
    ("prometheus-lifecycle", "Prometheus has no lifecycle or admin API", check_prometheus),
    ("images-pinned", "every image is pinned to an exact version", check_pinned),
    ("restart-policy", "every container is restarted when it crashes", check_restart),
    ("host-ports-unique", "no host port is published twice", check_host_ports),
    ("kafka-cluster", "the Kafka nodes form one cluster that survives a lost broker, and every service uses "
                      "and waits for all of them", check_kafka_cluster),
    ("instances-alike", "a second instance of a service is the first one but for its host port", check_instances),
    ("prometheus-targets", "Prometheus scrapes every service instance's management port", check_prometheus_targets),
]


def main(files):
    global PROJECT_DIR
    # compose resolves relative paths against the first file's directory
    PROJECT_DIR = os.path.dirname(files[0]) or "."
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
