#!/usr/bin/env python3
"""Checks the deployment files in deploy/: every YAML and nats-server
configuration file parses (the latter also for nats-server itself), the
compose file and Kubernetes manifests keep the promises the service relies
on (probes run `privacy-filter health`, the master key comes from a
secret, the grace period covers the drain, memory limits fit the goal),
and names agree between files: the Helm values' accounts are those of
nats-accounts.conf, secret keys and environment variables referenced
exist, the exported and imported subjects are the service's, the workers'
user is an account user.

  scripts/check-deploy.py                  # exit 0 when all holds, else 1
  scripts/check-deploy.py --deploy-dir DIR # check another copy of deploy/
  scripts/check-deploy.py --probe-command  # the readiness probe command, as JSON

Environment: NATS_SERVER_BIN (default nats-server) runs the configuration
test; PRIVACY_FILTER_BIN, when set, lists the variables `serve` reads.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import yaml

import nats_conf

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
DRAIN_TIMEOUT_S = 30
MEMORY_GOAL_MI = 64
SUBJECTS = {f"privacy.{name}" for name in ("mask", "detect", "resolve", "demask", "delete")}
HELM_VALUES = pathlib.Path("k8s") / "helm" / "nats-values.yaml"
# The Helm release the values are installed as, whose service name the
# workers' NATS_URL names.
HELM_RELEASE = "nats"


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def mebibytes(quantity):
    """A Kubernetes memory quantity (e.g. 64Mi, 1Gi, 67108864) in MiB."""
    text = str(quantity)
    for suffix, factor in (("Mi", 1), ("Gi", 1024)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text) / (1024 * 1024)


def deployment():
    for doc in load_all(DEPLOY / "k8s" / "deployment.yaml"):
        if doc["kind"] == "Deployment":
            return doc
    raise SystemExit("deploy/k8s/deployment.yaml has no Deployment")


def check_kubernetes(problems):
    kinds = set()
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for doc in load_all(path):
            for key in ("apiVersion", "kind", "metadata"):
                if key not in doc:
                    problems.append(f"{path.name}: a document without {key}")
            kinds.add(doc.get("kind"))
    for kind in ("Deployment", "Secret", "HorizontalPodAutoscaler", "PodDisruptionBudget"):
        if kind not in kinds:
            problems.append(f"deploy/k8s has no {kind}")

    spec = deployment()["spec"]["template"]["spec"]
    if spec.get("terminationGracePeriodSeconds", 30) <= DRAIN_TIMEOUT_S:
        problems.append("terminationGracePeriodSeconds does not exceed the drain timeout")
    container = spec["containers"][0]
    for probe in ("readinessProbe", "livenessProbe"):
        command = container.get(probe, {}).get("exec", {}).get("command", [])
        if command[:2] != ["privacy-filter", "health"]:
            problems.append(f"{probe} does not run `privacy-filter health`")
    env = {e["name"]: e for e in container.get("env", [])}
    key = env.get("ENCRYPTION_MASTER_KEY", {}).get("valueFrom", {}).get("secretKeyRef")
    if not key:
        problems.append("ENCRYPTION_MASTER_KEY does not come from a Secret")
    resources = container.get("resources", {})
    request = mebibytes(resources.get("requests", {}).get("memory", "0"))
    limit = mebibytes(resources.get("limits", {}).get("memory", "0"))
    if request < MEMORY_GOAL_MI or not request <= limit <= 4 * MEMORY_GOAL_MI:
        problems.append(f"memory request {request} Mi / limit {limit} Mi do not fit the goal")


def check_compose(problems):
    compose = load_all(DEPLOY / "docker-compose.yml")[0]
    services = compose["services"]
    if "-js" not in services["nats"]["command"] or "healthcheck" not in services["nats"]:
        problems.append("compose: nats runs without JetStream or without a healthcheck")
    workers = [s for name, s in services.items() if name != "nats"]
    if len(workers) < 2:
        problems.append("compose: fewer than two workers")
    for worker in workers:
        if "ENCRYPTION_MASTER_KEY" not in worker["environment"]:
            problems.append("compose: a worker without ENCRYPTION_MASTER_KEY")
        if worker["healthcheck"]["test"][1:3] != ["privacy-filter", "health"]:
            problems.append("compose: a worker healthcheck not running `privacy-filter health`")


def variables(text, directory=None):
    """The $NAME variables a nats-server configuration refers to, with those
    of the files it includes (relative to `directory`)."""
    text = re.sub(r"#[^\n]*", "", text)
    names = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
    if directory is not None:
        for included in re.findall(r"^\s*include\s+[\"']?([^\s\"';]+)", text, re.MULTILINE):
            path = pathlib.Path(directory) / included
            if path.is_file():
                names |= variables(path.read_text(), path.parent)
    return names


def nats_server_test(path, text, problems, label):
    """Runs `nats-server -c path -t` with every variable of `text` (and of
    what it includes) set to a value of its own that reads as a URL, a name
    or a path."""
    names = variables(text, pathlib.Path(path).parent)
    env = dict(os.environ, **{name: f"nats://{name.lower().replace('_', '-')}:4222"
                              for name in names})
    server = os.environ.get("NATS_SERVER_BIN", "nats-server")
    try:
        run = subprocess.run([server, "-c", str(path), "-t"], env=env, capture_output=True,
                             text=True, timeout=30)
    except FileNotFoundError:
        problems.append(f"{server} not found: cannot test the nats-server configurations")
        return
    if run.returncode != 0:
        problems.append(f"{label}: nats-server -t: {(run.stderr or run.stdout).strip()[-300:]}")


def check_nats_configs(problems):
    for path in sorted(DEPLOY.rglob("*.conf")):
        label = str(path.relative_to(DEPLOY))
        try:
            nats_conf.load(path)
        except ValueError as error:
            problems.append(f"{label}: does not parse: {error}")
            continue
        nats_server_test(path, path.read_text(), problems, label)


def referenced_variables(value):
    """The variables among the values of a parsed configuration ("$NAME")."""
    if isinstance(value, dict):
        return set().union(*map(referenced_variables, value.values()))
    if isinstance(value, list):
        return set().union(*map(referenced_variables, value))
    match = re.fullmatch(r"\$([A-Za-z_][A-Za-z0-9_]*)", str(value))
    return {match.group(1)} if match else set()


def raw_variables(value):
    """The Helm chart's "<< $NAME >>" strings as nats-server reads them: $NAME;
    booleans as nats_conf.py keeps them, the words true and false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return {k: raw_variables(v) for k, v in value.items()}
    if isinstance(value, list):
        return [raw_variables(v) for v in value]
    if isinstance(value, str):
        match = re.fullmatch(r"<<\s+(.*?)\s+>>", value)
        return match.group(1) if match else value
    return value


def check_helm_values(problems, accounts):
    label = str(HELM_VALUES)
    values = load_all(DEPLOY / HELM_VALUES)[0]
    config = values.get("config", {})
    cluster = config.get("cluster", {})
    if not cluster.get("enabled") or cluster.get("replicas") != 3:
        problems.append(f"{label}: not a 3-node cluster")
    jetstream = config.get("jetstream", {})
    if not jetstream.get("enabled") or not jetstream.get("fileStore", {}).get("enabled"):
        problems.append(f"{label}: JetStream without file storage")
    merge = config.get("merge", {})
    if raw_variables(merge.get("accounts")) != accounts:
        problems.append(f"{label}: config.merge.accounts differ from nats-accounts.conf")
    wanted = referenced_variables(accounts)
    env = values.get("container", {}).get("env", {})
    if set(env) != wanted:
        problems.append(f"{label}: container.env {sorted(env)} is not the accounts' "
                        f"variables {sorted(wanted)}")
    for name, source in env.items():
        ref = source.get("valueFrom", {}).get("secretKeyRef", {}) if isinstance(source, dict) else {}
        if ref.get("key") != name:
            problems.append(f"{label}: {name} does not come from a secret key of its name")
    # The server configuration the chart renders from `merge` (JSON, with
    # "<< ... >>" strings unquoted), which nats-server must accept.
    with tempfile.TemporaryDirectory() as tmp:
        rendered = dict(merge, jetstream={"store_dir": tmp})
        text = re.sub(r'"<<\s+(.*?)\s+>>"', r"\1", json.dumps(rendered, indent=2))
        path = pathlib.Path(tmp) / "nats.conf"
        path.write_text(text)
        nats_server_test(path, text, problems, f"{label} (config.merge rendered)")


def serve_variables():
    """The environment variables `privacy-filter serve` reads, or None."""
    binary = os.environ.get("PRIVACY_FILTER_BIN")
    if not binary:
        return None
    help_text = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
    return set(re.findall(r"\(Env:([A-Z0-9_]+)\)", help_text)) | {
        "ENCRYPTION_MASTER_KEY", "ENCRYPTION_MASTER_KEY_PREVIOUS"}


def check_names(problems, accounts):
    service = accounts.get("PRIVACY", {})
    exports = {e.get("service") for e in service.get("exports", [])}
    if exports != SUBJECTS:
        problems.append(f"nats-accounts.conf: PRIVACY exports {sorted(exports)}, not the service's subjects")
    for name, account in accounts.items():
        if name == "PRIVACY":
            continue
        imports = {(i["service"].get("account"), i["service"].get("subject"))
                   for i in account.get("imports", [])}
        if imports != {("PRIVACY", subject) for subject in SUBJECTS}:
            problems.append(f"nats-accounts.conf: {name} does not import exactly the service's subjects")
    documented = set(re.findall(r"`(privacy\.[a-z]+)`", (ROOT / "subjects.md").read_text()))
    if not SUBJECTS <= documented:
        problems.append("subjects.md does not name every subject of the accounts")

    container = deployment()["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e for e in container.get("env", [])}
    users = {u.get("user") for u in service.get("users", [])}
    if env.get("NATS_USER", {}).get("value") not in users:
        problems.append("deployment.yaml: NATS_USER is not a user of the PRIVACY account")
    hosts = set(re.findall(r"://([^:/,]+)", env.get("NATS_URL", {}).get("value", "")))
    if hosts != {HELM_RELEASE}:
        problems.append(f"deployment.yaml: NATS_URL hosts {sorted(hosts)} are not the Helm "
                        f"release's service {HELM_RELEASE}")
    secrets = {doc["metadata"]["name"]: set(doc.get("stringData", {})) | set(doc.get("data", {}))
               for doc in load_all(DEPLOY / "k8s" / "secret.yaml") if doc["kind"] == "Secret"}
    for name, entry in env.items():
        ref = entry.get("valueFrom", {}).get("secretKeyRef")
        if ref and ref.get("key") not in secrets.get(ref.get("name"), set()):
            problems.append(f"deployment.yaml: {name} refers to {ref.get('name')}/{ref.get('key')}, "
                            "which secret.yaml does not hold")

    known = serve_variables()
    if known is None:
        return
    compose = load_all(DEPLOY / "docker-compose.yml")[0]
    workers = [s for name, s in compose["services"].items() if name != "nats"]
    named = {("deployment.yaml", name) for name in env}
    named |= {("docker-compose.yml", name) for w in workers for name in w["environment"]}
    for label, name in sorted(named):
        if name not in known:
            problems.append(f"{label}: {name} is no variable privacy-filter serve reads")


def main():
    global DEPLOY
    args = sys.argv[1:]
    if args[:1] == ["--deploy-dir"]:
        DEPLOY = pathlib.Path(args[1]).resolve()
        args = args[2:]
    if args == ["--probe-command"]:
        container = deployment()["spec"]["template"]["spec"]["containers"][0]
        print(json.dumps(container["readinessProbe"]["exec"]["command"]))
        return 0
    problems = []
    check_kubernetes(problems)
    check_compose(problems)
    check_nats_configs(problems)
    accounts = nats_conf.load(DEPLOY / "nats-accounts.conf").get("accounts", {})
    check_helm_values(problems, accounts)
    check_names(problems, accounts)
    for problem in problems:
        print(problem)
    if not problems:
        print("deploy/: every file parses, names agree, manifests hold their promises")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
