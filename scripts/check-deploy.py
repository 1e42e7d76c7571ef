#!/usr/bin/env python3
"""Checks the deployment files in deploy/: every YAML file parses, and the
compose file and Kubernetes manifests keep the promises the service relies
on (probes run `privacy-filter health`, the master key comes from a
secret, the grace period covers the drain, memory limits fit the goal).

  scripts/check-deploy.py                  # exit 0 when all holds, else 1
  scripts/check-deploy.py --probe-command  # the readiness probe command, as JSON
"""
import json
import pathlib
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent / "deploy"
DRAIN_TIMEOUT_S = 30
MEMORY_GOAL_MI = 64


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


def main():
    if sys.argv[1:] == ["--probe-command"]:
        container = deployment()["spec"]["template"]["spec"]["containers"][0]
        print(json.dumps(container["readinessProbe"]["exec"]["command"]))
        return 0
    problems = []
    check_kubernetes(problems)
    check_compose(problems)
    for problem in problems:
        print(problem)
    if not problems:
        print("deploy/: compose file and Kubernetes manifests OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
